import { Dec } from "../../src/engine/decimal";
import {
  DEFAULT_DISCOUNT_RULE_ID,
  DISCOUNT_RULES,
  DiscountSchedule,
  constantRateRule,
  findDiscountRule,
  parseDiscountArgument,
  parseFirstYear,
} from "../../src/engine/discounting";

const schedule = (id: string) => new DiscountSchedule(findDiscountRule(id)!);
const near = (a: Dec, b: Dec) => expect(a.minus(b).abs().lt(new Dec("1e-35"))).toBe(true);

describe("discount rules (discontoregels)", () => {
  it("offers the rules the issue names, each with a source", () => {
    expect(DISCOUNT_RULES.map((r) => r.id)).toEqual(expect.arrayContaining(["2007", "2016", "2021", "2021-vast", "geen"]));
    for (const rule of DISCOUNT_RULES) expect(rule.source.length).toBeGreaterThan(0);
    expect(findDiscountRule(DEFAULT_DISCOUNT_RULE_ID)).toBeDefined();
  });

  it.each([
    ["2007", "0.055"],
    ["2016", "0.03"],
    ["2021", "0.0225"],
    ["2021-vast", "0.016"],
    ["geen", "0"],
  ])("rule %s discounts year 1 at %s", (id, rate) => {
    near(schedule(id).factor(new Dec(1)), new Dec(1).div(new Dec(1).plus(rate)));
  });

  it("does not discount year 0", () => {
    for (const rule of DISCOUNT_RULES) expect(new DiscountSchedule(rule).factor(new Dec(0)).toString()).toBe("1");
  });

  it("finds rules by name regardless of case and surrounding spaces", () => {
    expect(findDiscountRule(" GEEN ")?.id).toBe("geen");
    expect(findDiscountRule("2021-VAST")?.id).toBe("2021-vast");
  });
});

describe("term structure (2026 rule: 2,8% up to year 35, then 1,8%)", () => {
  const s = schedule("2026");
  it("discounts year by year at the rate of that year", () => {
    near(s.factor(new Dec(35)), new Dec("1.028").pow(-35));
    near(s.factor(new Dec(36)), new Dec("1.028").pow(-35).div("1.018"));
    near(s.factor(new Dec(40)), new Dec("1.028").pow(-35).times(new Dec("1.018").pow(-5)));
  });
  it("extends to fractional years, also across the change of rate", () => {
    near(s.factor(new Dec("0.5")), new Dec("1.028").pow("-0.5"));
    near(s.factor(new Dec("35.5")), new Dec("1.028").pow(-35).times(new Dec("1.018").pow("-0.5")));
  });
  it("gives the same factors for a run of years as year by year", () => {
    for (const first of ["0", "0.5", "33.25", "34.5", "35", "100"]) {
      const run = s.factors(new Dec(first), 5);
      run.forEach((f, i) => near(f, s.factor(new Dec(first).plus(i))));
    }
  });
});

describe("the discontovoet argument", () => {
  it("takes the default rule when blank or omitted", () => {
    for (const blank of [null, ""]) {
      const r = parseDiscountArgument(blank, "discontovoet");
      expect(r.ok && r.value.rule.id).toBe(DEFAULT_DISCOUNT_RULE_ID);
    }
  });
  it("takes a number greater than −1 as a constant rate", () => {
    const r = parseDiscountArgument(-0.5, "discontovoet");
    expect(r.ok && r.value.factor(new Dec(1)).toString()).toBe("2");
  });
  it.each([[-1], [-2]])("rejects the rate %p with #VALUE! naming the argument", (rate) => {
    const r = parseDiscountArgument(rate, "discontovoet");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("#VALUE!");
      expect(r.error.message).toMatch(/^discontovoet: .*groter zijn dan −1/);
    }
  });
  it("rejects an unknown rule name and lists the valid ones", () => {
    const r = parseDiscountArgument("2030", "discontovoet");
    expect(!r.ok && r.error.message).toMatch(/onbekende discontoregel "2030".*"2021"/);
  });
  it("rejects a logical value", () => {
    const r = parseDiscountArgument(true, "discontovoet");
    expect(!r.ok && r.error.message).toContain("WAAR");
  });
  it("returns an error value as that error", () => {
    const r = parseDiscountArgument({ kind: "error", code: "#N/A", message: "" }, "discontovoet");
    expect(!r.ok && r.error.code).toBe("#N/A");
  });
  it("reads a whole number equal to a rule's year as that rule (Excel turns the text \"2016\" into 2016)", () => {
    const r = parseDiscountArgument(2016, "discontovoet");
    expect(r.ok && r.value.rule.id).toBe("2016");
    const other = parseDiscountArgument(2017, "discontovoet");
    expect(other.ok && other.value.rule.id).toBe("2017"); // no rule of that year: a (huge) constant rate, as asked
  });
  it("names a constant rate rule after its rate", () => {
    expect(constantRateRule(0.0225).label).toBe("2,25% per jaar");
  });
});

describe("the eerste_jaar argument", () => {
  it("defaults to 0 and accepts fractions", () => {
    const blank = parseFirstYear(null, "eerste_jaar");
    expect(blank.ok && blank.value.toString()).toBe("0");
    const half = parseFirstYear(0.5, "eerste_jaar");
    expect(half.ok && half.value.toString()).toBe("0.5");
  });
  it.each([[-1], ["drie"], [false]])("rejects %p with a message naming eerste_jaar", (value) => {
    const r = parseFirstYear(value, "eerste_jaar");
    expect(!r.ok && r.error.message).toMatch(/^eerste_jaar: /);
  });
});
