/**
 * Robustness of every MKBA.* function (issue 4, item 6): thousands of generated argument sets — numbers at the
 * extremes, blanks, text, booleans, error values, ragged, empty and large ranges. Each call gives a value or an
 * error value with a Dutch message: never an exception, never NaN or Infinity.
 */
import fc from "fast-check";
import { EXCEL_ERROR_CODES, isCellError } from "../../src/engine/errors";
import { modelToCells } from "../../src/engine/layout/workbookLayout";
import { validateModel } from "../../src/engine/model";
import { FUNCTIONS, callFunction } from "../../src/functions/catalog";
import * as excel from "../../src/functions/functions";
import { smallModel } from "../fixtures/models";

const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, -0.999999999, 2026),
  fc.integer({ min: -100, max: 100 }),
);
const cell = fc.oneof(
  { weight: 5, arbitrary: number },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("", "2021", "2026", "geen", "saldo", "tabel", "Basisvariant", "abc", " 2007 ", "ratio") },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...EXCEL_ERROR_CODES).map((code) => ({ kind: "error" as const, code, message: "" })) },
);
const rectangle = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 8 })).chain(([rows, cols]) =>
  fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
);
const ragged = fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 4 });
const large = fc.tuple(fc.integer({ min: 1, max: 3 }), number).map(([rows, v]) => Array.from({ length: rows }, () => Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? null : v))));
const v = validateModel(smallModel());
const modelCells = v.ok ? modelToCells(v.compiled.model) : [];
const argument = fc.oneof(
  { weight: 4, arbitrary: cell },
  { weight: 4, arbitrary: rectangle },
  { weight: 1, arbitrary: ragged },
  { weight: 1, arbitrary: large },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant(modelCells) },
);

function acceptable(result: unknown): boolean {
  if (typeof result === "number") return Number.isFinite(result);
  if (typeof result === "string") return true;
  if (isCellError(result)) return result.message.length > 0;
  if (Array.isArray(result)) return result.every((row) => Array.isArray(row) && row.every((c) => (typeof c === "number" ? Number.isFinite(c) : true)));
  return false;
}

describe.each(FUNCTIONS.map((f) => [f.id, f] as const))("MKBA.%s under generated arguments", (_, fn) => {
  it("returns a value or an error value with a message (1.000 cases)", () => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: fn.parameters.length, maxLength: fn.parameters.length }), (args) => acceptable(callFunction(fn, args))),
      { numRuns: 1000 },
    );
  });
});

describe("the Excel wrappers under generated arguments", () => {
  const wrappers: [string, (...a: unknown[]) => unknown][] = Object.entries(excel).filter(([, f]) => typeof f === "function") as never;
  // MKBA.SCENARIO is async in Excel (its code is loaded on first use): a promise counts by what it settles to.
  it.each(wrappers)("%s returns a value or throws a CustomFunctions.Error (300 cases)", async (_, wrapper) => {
    await fc.assert(
      fc.asyncProperty(fc.array(argument, { minLength: 2, maxLength: 6 }), async (args) => {
        try {
          return acceptable(await wrapper(...args));
        } catch (e) {
          return e instanceof CustomFunctions.Error;
        }
      }),
      { numRuns: 300 },
    );
  });
});
