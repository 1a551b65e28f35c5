// One Monaco text model per open file, keyed by workspace-relative path.
import { monaco } from './setup';

const models = new Map<string, monaco.editor.ITextModel>();

export function modelUri(path: string): monaco.Uri {
  return monaco.Uri.from({ scheme: 'specdeck', path: '/' + path });
}

/** Creates the model; Monaco picks the language from the file name. */
export function createModel(path: string, content: string): monaco.editor.ITextModel {
  models.get(path)?.dispose();
  const model = monaco.editor.createModel(content, undefined, modelUri(path));
  models.set(path, model);
  return model;
}

export function getModel(path: string): monaco.editor.ITextModel | undefined {
  return models.get(path);
}

export function disposeModel(path: string): void {
  models.get(path)?.dispose();
  models.delete(path);
}

/** The text to write back: with the BOM if the file had one (Monaco keeps it aside). */
export function textToSave(model: monaco.editor.ITextModel): string {
  return model.getValue(monaco.editor.EndOfLinePreference.TextDefined, true);
}
