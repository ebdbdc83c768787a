// Writes the installable app's icons (apps/web/public/icons) from the SVGs in apps/web/pwa, with sharp.
// The PNGs are committed: run again only after changing an SVG (`npx node scripts/pwa-icons.mjs`).
// The maskable icon keeps its drawing inside the central 80% circle (the safe zone), on a full-bleed background.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const web = fileURLToPath(new URL('../apps/web/', import.meta.url));
const out = `${web}public/icons/`;
mkdirSync(out, { recursive: true });

const icons = [
  { source: 'icon.svg', size: 192, file: 'icon-192.png' },
  { source: 'icon.svg', size: 512, file: 'icon-512.png' },
  { source: 'icon-maskable.svg', size: 512, file: 'icon-maskable-512.png' },
  { source: 'icon-maskable.svg', size: 180, file: 'apple-touch-icon-180.png' },
];
for (const { source, size, file } of icons) {
  const svg = readFileSync(`${web}pwa/${source}`);
  await sharp(svg, { density: Math.ceil((72 * size) / 512) * 2 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(`${out}${file}`);
  console.log(`${file} ${size}×${size}`);
}
