// The linear scanners of shared/specs/linear-match.ts give exactly what the backtracking regexes
// they replace gave: the old regexes are kept here as the reference and both run on generated
// lines built from the tokens that matter (spaces of every kind, `#`, backticks, brackets,
// keywords in any case, 🎯). Short lines only: on those the old regexes are fast.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchHeading, OPENSPEC_RENAME_LINE, OPENSPEC_REQUIREMENT, OPENSPEC_SCENARIO, SPECKIT_USER_STORY } from '../../../shared/specs/linear-match';

const OLD = {
  heading: /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/s,
  requirement: /^Requirement:\s*(.+?)\s*$/is,
  scenario: /^Scenario:\s*(.*?)\s*$/is,
  rename: /^\s*[-*]\s*(FROM|TO)\s*:\s*`?\s*(?:###\s*)?Requirement:\s*(.+?)\s*`?\s*$/is,
  userStory: /^(?:\[(P\d+)\][ \t]*)?(?:User Story|Story|US)[ \t]*-?[ \t]*(\d+)(?![.\d])[ \t]*[-–—:.]?[ \t]*(.*?)[ \t]*(?:[([][ \t]*Priority[ \t]*:[ \t]*(P\d+)[ \t]*[)\]])?[ \t]*(?:🎯.*)?$/is,
};

const SPACES = [' ', '  ', '\t', '\u00a0', '\u3000', '\r', '\n', '\u2028', '\ufeff'];
const common = ['#', '##', '###', ' #', '`', 'x', 'Name', ':', '-', '*', '(', ')', '[', ']', '🎯', '.', '–', '—', 'İ', 'K', 'ſ', '1', '12', ...SPACES];
const line = (prefixes: string[], extra: string[]) =>
  fc.tuple(fc.constantFrom(...prefixes), fc.array(fc.constantFrom(...common, ...extra), { maxLength: 14 })).map(([p, parts]) => p + parts.join(''));

const runs = { numRuns: 6000 };
const arr = (m: RegExpExecArray | null) => (m ? [...m] : null);

describe('linear matchers equal the regexes they replace', () => {
  it('heading', () => {
    fc.assert(
      fc.property(line(['', ' ', '   ', '    ', '#', '# ', '## ', '###### ', '####### ', '#\t', ' # '], []), (s) => {
        const m = OLD.heading.exec(s);
        expect(matchHeading(s)).toEqual(m ? { hashes: m[1], text: m[2] } : null);
      }),
      runs,
    );
  });

  it('OpenSpec requirement and scenario headings', () => {
    fc.assert(
      fc.property(line(['Requirement:', 'requirement: ', 'REQUIREMENT:  ', 'Requirement', 'Scenario:', 'scenario: ', 'Scenario:\t', 'x'], ['Requirement:']), (s) => {
        expect(OPENSPEC_REQUIREMENT.exec(s)).toEqual(arr(OLD.requirement.exec(s)));
        expect(OPENSPEC_SCENARIO.exec(s)).toEqual(arr(OLD.scenario.exec(s)));
      }),
      runs,
    );
  });

  it('OpenSpec RENAMED lines', () => {
    fc.assert(
      fc.property(
        line(['- FROM: ', '- TO: `### Requirement: ', '* from:`', ' -FROM :  ` ###Requirement:', '- TO: Requirement:', '- FROMAGE: ', '- to:####Requirement:', '-'], ['Requirement:', 'FROM', 'TO', '###']),
        (s) => {
          expect(OPENSPEC_RENAME_LINE.exec(s)).toEqual(arr(OLD.rename.exec(s)));
        },
      ),
      runs,
    );
  });

  it('Spec Kit user story headings', () => {
    fc.assert(
      fc.property(
        line(
          ['User Story 1', 'User Story 1 - ', 'user story 12: ', 'User Story', 'User Story1', 'USER STORY 3 —  ', 'User Story 2 (Priority: P1)', 'User Story\t7.', 'US2 - ', 'us-3:', 'Story 4', '[P1] US2: ', '[p2]Story 1', '[P1 US', 'User Story 1.2 ', 'US 12.', 'Use 1', 'Users 1'],
          ['Priority', 'priority', ':', 'P1', 'p2', 'P', '(Priority: P1)', '[ priority :P3 ]', '.', '1.', '-'],
        ),
        (s) => {
          expect(SPECKIT_USER_STORY.exec(s)).toEqual(arr(OLD.userStory.exec(s)));
        },
      ),
      runs,
    );
  });

  it('the cases that used to take seconds', () => {
    const run = ' '.repeat(50_000);
    expect(matchHeading(`#${' #'.repeat(50_000)}x`)?.text).toBe(`${' #'.repeat(50_000).trimStart()}x`);
    expect(OPENSPEC_REQUIREMENT.exec(`Requirement: a${run}b`)?.[1]).toBe(`a${run}b`);
    expect(OPENSPEC_RENAME_LINE.exec(`- FROM:${run}x`)).toBeNull();
    expect(SPECKIT_USER_STORY.exec(`User Story 1 - x${' \t'.repeat(50_000)})`)?.[3]).toBe(`x${' \t'.repeat(50_000)})`);
    expect(SPECKIT_USER_STORY.exec(`User Story 1 x${run}(Priority: P${'1'.repeat(50_000)}) 🎯 MVP`)?.[4]).toBe(`P${'1'.repeat(50_000)}`);
    expect(SPECKIT_USER_STORY.exec(`US${run}x`)).toBeNull();
  });
});
