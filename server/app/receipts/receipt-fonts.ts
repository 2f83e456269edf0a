// The receipt's fonts: DejaVu Sans (npm dejavu-fonts-ttf; Bitstream Vera derived licence, free to
// embed and redistribute), embedded so that every name prints: Polish "Łukasz Wiśniewski", Turkish
// "Şükrü Öztürk", Czech, Romanian, Greek, Cyrillic. The PDF standard fonts cover Latin-1 only.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const dir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");

export const RECEIPT_FONTS = {
  regular: join(dir, "DejaVuSans.ttf"),
  bold: join(dir, "DejaVuSans-Bold.ttf"),
  italic: join(dir, "DejaVuSans-Oblique.ttf"),
} as const;
