/**
 * docs/model.schema.json is generated from the zod schema, so the documented format cannot drift from the one
 * the engine accepts. `npm run docs:schema` rewrites it.
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { z } from "zod";
import { modelSchema } from "../../../src/engine/model";

const file = path.join(__dirname, "../../../docs/model.schema.json");

function generated(): string {
  const schema = z.toJSONSchema(modelSchema, { io: "input" });
  return JSON.stringify({ ...schema, title: "MKBA-model (*.mkba.json), schemaVersion 1", $id: "model.schema.json" }, null, 2) + "\n";
}

describe("docs/model.schema.json", () => {
  it("is the JSON Schema generated from the zod model schema (run `npm run docs:schema` after a change)", () => {
    if (process.env.WRITE_SCHEMA === "1") writeFileSync(file, generated());
    expect(readFileSync(file, "utf8")).toBe(generated());
  });
});
