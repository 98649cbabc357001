// Contract of the object store and output materialization: atomic, content-addressed, verified on read.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileHasher } from '../../store/file-hashes.js';
import { hashFile } from '../../store/hash-file.js';
import { CorruptObjectError, ObjectStore } from '../../store/objects.js';
import { ForeignFolderError, MARKER, materialize, storeOutputs, syncOutput } from '../../store/outputs.js';
import { sha256 } from '../../util/hash.js';
import { tempDir } from '../helpers/cli.js';

function outputFolder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

describe('object store', () => {
  it.each([
    ['empty file', ''],
    ['small text', 'hello\n'],
    ['3 MiB (several chunks)', 'x'.repeat(3 * 1024 * 1024 + 17)],
  ])('hashFile matches sha256 of the bytes: %s', (_n, text) => {
    const dir = outputFolder({ 'f.txt': text });
    expect(hashFile(join(dir, 'f.txt'))).toEqual({ hash: sha256(text), size: Buffer.byteLength(text) });
  });

  it('stores outputs by content, materializes them, and the same content gives the same hash', () => {
    const store = new ObjectStore(tempDir());
    const a = storeOutputs(store, outputFolder({ 'data.jsonl': '{"a":1}\n', 'sub/report.md': '# r\n' }));
    const b = storeOutputs(store, outputFolder({ 'sub/report.md': '# r\n', 'data.jsonl': '{"a":1}\n' }));
    expect(a.hash).toBe(b.hash);
    expect(a.manifest.files.map((f) => f.path)).toEqual(['data.jsonl', 'sub/report.md']);
    const target = join(tempDir(), 'out');
    materialize(store, a.manifest, a.hash, target);
    expect(readFileSync(join(target, 'sub/report.md'), 'utf8')).toBe('# r\n');
    const hasher = new FileHasher(undefined);
    expect(syncOutput(store, hasher, a.manifest, a.hash, target)).toEqual({ replaced: false, restored: [], removed: [], repaired: [] });
    writeFileSync(join(target, 'data.jsonl'), 'edited');
    writeFileSync(join(target, 'notes.txt'), 'mine');
    expect(syncOutput(store, hasher, a.manifest, a.hash, target)).toEqual({ replaced: false, restored: ['data.jsonl'], removed: ['notes.txt'], repaired: [] });
    expect(readFileSync(join(target, 'data.jsonl'), 'utf8')).toBe('{"a":1}\n');
  });

  it.each([
    ['corrupted', (p: string) => writeFileSync(p, 'garbage')],
    ['missing', (p: string) => rmSync(p)],
  ])('a %s object is detected and the user folder is left untouched', (_n, damage) => {
    const store = new ObjectStore(tempDir());
    const { manifest, hash } = storeOutputs(store, outputFolder({ 'data.jsonl': 'good\n' }));
    const target = join(tempDir(), 'out');
    mkdirSync(target);
    writeFileSync(join(target, MARKER), 'an earlier output\n');
    writeFileSync(join(target, 'keep.txt'), 'mine');
    damage(store.pathOf(manifest.files[0]!.sha256));
    expect(() => materialize(store, manifest, hash, target)).toThrow(CorruptObjectError);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it.each([
    ['a folder without the marker', 'thesis.tex'],
    ['a file', ''],
  ])('materialize never replaces %s that genesis did not make', (_n, inside) => {
    const store = new ObjectStore(tempDir());
    const { manifest, hash } = storeOutputs(store, outputFolder({ 'data.jsonl': 'good\n' }));
    const target = join(tempDir(), 'out');
    if (inside) mkdirSync(target);
    writeFileSync(join(target, inside), 'mine');
    expect(() => materialize(store, manifest, hash, target)).toThrow(ForeignFolderError);
    expect(readFileSync(join(target, inside), 'utf8')).toBe('mine');
  });
});
