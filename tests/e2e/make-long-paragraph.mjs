// Writes a resolution whose single operative paragraph is 1 MB long into
// the folder given, next to a copy of the hostile-markup fixture: the
// corpus of the "hostile input" end-to-end test.
import { mkdir, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = resolve(process.argv[2]);
await mkdir(out, { recursive: true });
const here = dirname(fileURLToPath(import.meta.url));
await copyFile(join(here, 'hostile-corpus', 'hostile.txt'), join(out, 'hostile.txt'));
const words = 'Urges Member States to strengthen cooperation against trafficking in persons, ';
const body = words.repeat(Math.ceil(1_000_000 / words.length));
await writeFile(
  join(out, 'long.txt'),
  `Resolution 99/2\n\nA very long paragraph\n\nThe General Assembly,\n\n*Recalling* its resolutions,\n\n1. *Urges* ${body}and decides to remain seized of the matter.\n`,
);
