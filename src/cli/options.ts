/**
 * Command-line options (opties) with Dutch messages: Node's `util.parseArgs`, whose own errors are English
 * ("Unknown option '--x'"), wrapped so that every misuse is answered in Dutch with a pointer to `mkba --help`.
 */
import { parseArgs, ParseArgsConfig } from "util";
import { UsageError } from "./args";

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseOptions<T extends Options>(command: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (e) {
    const code = (e as { code?: unknown })?.code;
    const message = e instanceof Error ? e.message : String(e);
    const option = /(--[A-Za-z][\w-]*)/.exec(message)?.[1] ?? /'(-[A-Za-z])/.exec(message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`mkba ${command}: onbekende optie ${option ?? ""}; zie mkba --help.`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new UsageError(`mkba ${command}: de optie ${option ?? ""} ${/argument missing|requires/.test(message) ? "verwacht een waarde" : "heeft een ongeldige waarde"}; zie mkba --help.`);
    }
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw new UsageError(`mkba ${command}: onverwacht argument; zie mkba --help.`);
    throw new UsageError(`mkba ${command}: ongeldige opties; zie mkba --help.`);
  }
}
