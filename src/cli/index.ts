/** Entry point of the `mkba` command (built to dist/cli/mkba.js, started by bin/mkba.js). */
import "./zodConfig"; // first: the schemas are built when their modules load
import { writeSync } from "fs";
import { main } from "./mkba";

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on("data", (c: Buffer) => chunks.push(c));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

/**
 * Output straight to file descriptor 1 or 2 with writeSync, which is what process.stdout and process.stderr do on Linux
 * for a file, a pipe and a terminal alike (they write synchronously there) — without making those streams: the first
 * read of process.stdout loads Node's whole stream machinery, about 3 ms of every start. Should a write fail (a
 * non-blocking pipe that is full, a closed pipe), the rest and everything after it goes through the stream after all,
 * which then behaves as it always did. Not on Windows, where a console wants the stream's UTF-16 writes for "€" and "—".
 */
function output(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void {
  let direct = process.platform !== "win32";
  return (text) => {
    if (direct) {
      const bytes = Buffer.from(text, "utf8");
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written);
        return;
      } catch {
        direct = false;
        stream().write(bytes.subarray(written));
        return;
      }
    }
    stream().write(text);
  };
}

const stderr = output(2, () => process.stderr);

main(process.argv.slice(2), {
  stdout: output(1, () => process.stdout),
  stderr,
  readStdin,
  // Asked only by the command that draws a progress bar: reading process.stderr makes the stream (see output).
  get stderrIsTerminal() {
    return process.stderr.isTTY === true;
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    stderr(`mkba: interne fout: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
