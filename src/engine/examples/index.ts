/**
 * The example models shipped with the add-in (voorbeelden). Each has docs/examples/<name>.md with the source of
 * every number and every reconstruction assumption.
 */
import almere from "./almere.mkba.json";
import zoetermeerZmp from "./zoetermeer-zmp.mkba.json";

export const EXAMPLES: Readonly<Record<string, unknown>> = {
  almere,
  "zoetermeer-zmp": zoetermeerZmp,
};

export function exampleNames(): string[] {
  return Object.keys(EXAMPLES);
}
