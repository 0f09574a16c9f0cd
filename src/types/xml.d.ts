/** An XML file imported as its text (webpack `asset/source`; in Jest test/setup/rawText.js): manifest.xml. */
declare module "*.xml" {
  const text: string;
  export default text;
}
