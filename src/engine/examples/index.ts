/**
 * The example models shipped with the add-in (voorbeelden). Each has docs/examples/<name>.md with the source of
 * every number and every reconstruction assumption.
 */
import { LPBL_EXAMPLE_INPUTS } from "../models/lpbl";
import almere from "./almere.mkba.json";
import zoetermeerProeftuinen from "./zoetermeer-proeftuinen.mkba.json";
import zoetermeerZmp from "./zoetermeer-zmp.mkba.json";

/** Model files: generic models, and `lpbl`, an LPBL MKBA-tool model with the input screen of seed 001, Bijlage 2. */
export const EXAMPLES: Readonly<Record<string, unknown>> = {
  almere,
  "zoetermeer-zmp": zoetermeerZmp,
  "zoetermeer-proeftuinen": zoetermeerProeftuinen,
  lpbl: { schemaVersion: 1, modelType: "lpbl", inputs: LPBL_EXAMPLE_INPUTS, keyFigures: {} },
};

export function exampleNames(): string[] {
  return Object.keys(EXAMPLES);
}
