/**
 * Writing output files (bestanden schrijven) so that nothing is lost: never over an existing file unless the analyst
 * said `--overschrijven` (or `--force`), and always atomically — first a temporary file in the same folder, then a
 * rename over the target — so that a full disk or a crash leaves the original file intact and no truncated file behind.
 * Folder and permission problems become a Dutch UsageError (exit 2), never a stack trace.
 */
import * as nodeFs from "fs";
import * as path from "path";
import { UsageError } from "./args";
import { formatCount } from "../engine/model/limits";

/** The parts of `fs` used here, so that tests can inject a full disk. */
export interface FileSystem {
  existsSync(p: string): boolean;
  statSync(p: string): { isDirectory(): boolean };
  writeFileSync(p: string, data: string | Uint8Array): void;
  renameSync(from: string, to: string): void;
  unlinkSync(p: string): void;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: "de schijf is vol",
  EDQUOT: "het schijfquotum is op",
  EACCES: "u hebt geen schrijfrechten in die map",
  EPERM: "het besturingssysteem staat schrijven daar niet toe",
  EROFS: "die map staat op een alleen-lezen schijf",
  ENOENT: "die map bestaat niet",
  ENOTDIR: "een deel van het pad is geen map",
  EISDIR: "dat is een map, geen bestand",
  EMFILE: "er zijn te veel bestanden tegelijk open",
};

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return (typeof code === "string" && REASONS[code]) || `het besturingssysteem meldt ${typeof code === "string" ? code : "een fout"}`;
}

export interface WriteOptions {
  /** Replace an existing file (`--overschrijven` / `--force`). */
  readonly overwrite: boolean;
  readonly fs?: FileSystem;
}

/** Writes `data` to `file` atomically; refuses to replace an existing file without `overwrite`. */
export function writeFileSafely(file: string, data: string | Uint8Array, options: WriteOptions): void {
  const fs = options.fs ?? nodeFs;
  const target = path.resolve(file);
  const folder = path.dirname(target);
  if (!fs.existsSync(folder)) throw new UsageError(`kan ${file} niet schrijven: de map ${folder} bestaat niet.`);
  if (!fs.statSync(folder).isDirectory()) throw new UsageError(`kan ${file} niet schrijven: ${folder} is geen map.`);
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) throw new UsageError(`kan ${file} niet schrijven: dat is een map, geen bestand.`);
    if (!options.overwrite) throw new UsageError(`${file} bestaat al; kies een andere naam of geef --overschrijven om het te vervangen.`);
  }
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, target);
  } catch (e) {
    try {
      if (fs.existsSync(temporary)) fs.unlinkSync(temporary);
    } catch {
      // The temporary file could not be removed either; the message below still tells what happened.
    }
    throw new UsageError(`kan ${file} niet schrijven: ${reasonOf(e)}.${fs.existsSync(target) ? " Het bestaande bestand is ongewijzigd." : ""}`);
  }
}

/**
 * Reads a text file; a missing or unreadable file is a Dutch UsageError, and so is one that cannot hold at most
 * `maxCharacters` characters (more than 4 bytes each in UTF-8): it is refused before it is read into memory.
 */
export function readTextFile(file: string, maxCharacters = Infinity): string {
  try {
    const bytes = nodeFs.statSync(file).size;
    if (bytes > 4 * maxCharacters) throw new UsageError(`kan ${file} niet lezen: het bestand is ${formatCount(bytes)} bytes; er passen hoogstens ${formatCount(maxCharacters)} tekens in (een grens van de invoegtoepassing).`);
    return nodeFs.readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as { code?: unknown })?.code;
    const why = code === "ENOENT" ? "het bestand bestaat niet" : code === "EISDIR" ? "dat is een map, geen bestand" : reasonOf(e);
    throw new UsageError(`kan ${file} niet lezen: ${why}.`);
  }
}
