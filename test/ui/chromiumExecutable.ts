/**
 * Which Chromium the browser tests launch: CHROMIUM_PATH when set, otherwise the one shipped
 * brotli-compressed in the @sparticuz/chromium devDependency, so `npm ci` is all a machine needs.
 *
 * Only its binary is unpacked. On the Debian base image it links against nothing missing (nss, nspr,
 * expat are there; al2023.tar.br carries them for Amazon Linux only), it finds the system's fonts
 * through fontconfig (DejaVu covers Vietnamese, so fonts.tar.br's Open Sans is not needed), and
 * SwiftShader (swiftshader.tar.br) would only serve WebGL, which no sidebar uses.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { link, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

const NODE_MODULES = join(__dirname, '..', '..', 'node_modules');
const SPARTICUZ_CHROMIUM = join(NODE_MODULES, '@sparticuz', 'chromium');

export async function chromiumExecutable(): Promise<string> {
  return process.env.CHROMIUM_PATH || unpackedSparticuzChromium();
}

/**
 * Unpacked once per package version into node_modules/.cache rather than the package's own /tmp
 * default, so it goes away with node_modules and never mixes with another project's version.
 */
async function unpackedSparticuzChromium(): Promise<string> {
  const { version } = JSON.parse(readFileSync(join(SPARTICUZ_CHROMIUM, 'package.json'), 'utf8')) as { version: string };
  const folder = join(NODE_MODULES, '.cache', `sparticuz-chromium-${version}`);
  const binary = join(folder, 'chromium');
  if (existsSync(binary)) return binary;

  await mkdir(folder, { recursive: true });
  // Jest workers may unpack at the same moment: each writes a file of its own, then gives it the
  // final name atomically, so whoever sees `binary` sees a whole, closed file. link() rather than
  // rename(): the first one in must stay, because Chromium starts its GPU and renderer processes
  // from its own path (/proc/self/exe), which fails once a running binary has been replaced.
  const partial = `${binary}.${process.pid}-${randomUUID()}.partial`;
  try {
    await pipeline(createReadStream(join(SPARTICUZ_CHROMIUM, 'bin', 'chromium.br')), createBrotliDecompress(), createWriteStream(partial, { mode: 0o755 }));
    await link(partial, binary).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(partial, { force: true });
  }
  return binary;
}
