/** What the CLI needs from its surroundings, so that tests can run it in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  /** Whether stderr is a terminal (then `mkba montecarlo` draws a progress bar there); absent = not. */
  readonly stderrIsTerminal?: boolean;
}
