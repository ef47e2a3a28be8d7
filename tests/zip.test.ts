import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zip } from '../scripts/zip.ts';

/** Reads an archive back through its central directory, as store uploaders do. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const body = archive.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(body) : Buffer.from(body));
    at += 46 + nameLength;
  }
  return files;
}

describe('zip', () => {
  const entries = [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify({ name: 'Digest Lens' }).repeat(20)) },
    { name: 'src/sidepanel/index.html', data: Buffer.from('<!doctype html><title>ü</title>') },
    { name: 'icons/icon-16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  ];

  it('round-trips every file, compressed or stored', () => {
    const files = unzip(zip(entries));
    expect([...files.keys()]).toEqual(['icons/icon-16.png', 'manifest.json', 'src/sidepanel/index.html']);
    for (const e of entries) expect(files.get(e.name)).toEqual(e.data);
  });

  it('makes the same bytes from the same files in any order', () => {
    expect(zip([...entries].reverse()).equals(zip(entries))).toBe(true);
  });
});
