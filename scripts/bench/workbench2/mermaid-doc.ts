// A real-shaped 500-line Kiro design.md with 5 Mermaid diagrams (flowchart, sequence, class, state,
// ER) for the workbench 2 bench. The prose and four of the diagrams are read from ArmouredSouls'
// design documents in the corpus; the corpus has no class diagram, so one is written in the shape
// of the same data model.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const DESIGN_LINES = 500;
export const DIAGRAMS = 5;

const CLASS_DIAGRAM = [
  'classDiagram',
  '    class AchievementService {',
  '        +checkAndAward(userId, robotId, event) UnlockedAchievement[]',
  '        +getProgress(userId) AchievementProgress[]',
  '        -rarityCache RarityCache',
  '    }',
  '    class AchievementConfig {',
  '        +id string',
  '        +tier string',
  '        +rewardCredits int',
  '        +rewardPrestige int',
  '        +condition(stats) bool',
  '    }',
  '    class RarityCache {',
  '        +refresh() void',
  '        +percentUnlocked(id) float',
  '    }',
  '    class UserAchievement {',
  '        +id int',
  '        +userId int',
  '        +achievementId string',
  '        +robotId int',
  '        +unlockedAt datetime',
  '    }',
  '    AchievementService --> AchievementConfig : evaluates',
  '    AchievementService --> RarityCache : reads',
  '    AchievementService ..> UserAchievement : creates',
  '    UserAchievement "*" --> "1" AchievementConfig : refers to',
].join('\n');

interface Fence {
  kind: string;
  body: string;
}

function fences(file: string): { fences: Fence[]; prose: string[] } {
  const out: Fence[] = [];
  const prose: string[] = [];
  let body: string[] | null = null;
  let otherCode = false; // other code blocks are left out of the prose: cut, they would swallow a diagram
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (otherCode) otherCode = line.trim() !== '```';
    else if (body) {
      if (line.trim() === '```') {
        out.push({ kind: body[0]!.trim().split(/\s/)[0]!, body: body.join('\n') });
        body = null;
      } else body.push(line);
    } else if (line.trim() === '```mermaid') body = [];
    else if (line.trim().startsWith('```')) otherCode = true;
    else prose.push(line);
  }
  return { fences: out, prose };
}

function pick(all: Fence[], kind: RegExp): string {
  const found = all.find((f) => kind.test(f.kind));
  if (!found) throw new Error(`the corpus has no ${kind} diagram where the bench expects one`);
  return found.body;
}

/**
 * The design document. `variant` goes into each diagram as a Mermaid comment, so that each variant
 * is new to the renderer's SVG cache and is laid out again. Without diagrams (`withDiagrams`
 * false) the same sources stay as plain code blocks: the reference.
 */
export function mermaidDesign(specsDir: string, variant: number, withDiagrams: boolean): string {
  const achievement = fences(path.join(specsDir, 'done-april26/27-achievement-system/design.md'));
  const unification = fences(path.join(specsDir, 'done-june26/40-database-unification/design.md'));
  const all = [...achievement.fences, ...unification.fences];
  const diagrams = [pick(all, /^(graph|flowchart)$/), pick(all, /^sequenceDiagram$/), CLASS_DIAGRAM, pick(all, /^stateDiagram/), pick(all, /^erDiagram$/)];
  // The comment goes after the diagram's type line (mermaid detects the type from the first line).
  const blocks = diagrams.map((d) => {
    const [type, ...rest] = d.split('\n');
    return [withDiagrams ? '```mermaid' : '```text', type!, `    %% variant ${variant}`, ...rest, '```'];
  });
  const diagramLines = blocks.reduce((n, b) => n + b.length + 2, 0);
  // Prose (the real design's text, past its title) fills the rest, evenly between the diagrams.
  const prose = achievement.prose.slice(1).filter((l, i, a) => !(l === '' && a[i - 1] === ''));
  // The first diagram comes within the first screen (as the real design's context diagram does).
  const FIRST = 12;
  const per = Math.floor((DESIGN_LINES - 1 - FIRST - diagramLines) / DIAGRAMS);
  const lines = ['# Design: achievements (bench)'];
  let at = 0;
  const take = (n: number) => {
    for (let i = 0; i < n; i++) lines.push(prose[at++ % prose.length]!);
  };
  blocks.forEach((block, i) => {
    take(i === 0 ? FIRST : per);
    lines.push('', ...block, '');
  });
  take(DESIGN_LINES - lines.length);
  return lines.join('\n') + '\n';
}
