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
