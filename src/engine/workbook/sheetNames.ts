/**
 * The stable names of the sheets a model's workbook gets (bladnamen): the plan's modules, the writers, the task pane and
 * the tests all use these, so a sheet is named in one place. A rename breaks workbooks already written: migrate them.
 */
export const INVOER = "Invoer";
export const KENGETALLEN = "Kengetallen";
export const UITVOER = "Uitvoer";
export const LOPENDE_AANPAK = "Lopende aanpak";
export const GEVOELIGHEID = "Gevoeligheid";
export const ONZEKERHEID = "Onzekerheid";
export const REKENKERN = "Rekenkern";
/** Registration (issue 21): the team's own tables and the result sheets of a registration run (registrationPlan.ts). */
export const REGISTRATIE = "Registratie";
export const VERGELIJKINGSGEBIED = "Vergelijkingsgebied";
export const CASUSSEN = "Casussen";
export const PRIJSLIJST = "Prijslijst";
export const MKBA_2 = "MKBA 2.0";
export const EFFECTMETING = "Effectmeting";
export const CASUSANALYSE = "Casusanalyse";
