/** `mkba` in-process through main(): the exit code and what it wrote to stdout and stderr (stderr no terminal unless said). */
import { main } from "../../src/cli/mkba";

export async function runCli(argv: readonly string[], stdin = "", options: { readonly stderrIsTerminal?: boolean } = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main([...argv], { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => stdin, ...options });
  return { code, out, err };
}
