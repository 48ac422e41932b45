/** JSON values read into a STRING column, as ksqlDB's JSON deserializer turns them into text. */
import { expect } from 'chai';
import { jsonNodeText } from '../../src/codec/json-node-text.js';
import { parseJsonLossless } from '../../src/codec/json-parse.js';

describe('jsonNodeText', () => {
  const cases: ReadonlyArray<readonly [json: string, text: string]> = [
    ['"plain"', 'plain'],
    ['12', '12'],
    ['9007199254740993', '9007199254740993'],
    ['1.50', '1.50'],
    ['1e3', '1E+3'],
    ['0.0000001', '1E-7'],
    ['true', 'true'],
    ['{"ITEMID":6,"CATEGORY":{"ID":2,"NAME":"Food"},"NAME":"Item_6"}', '{"ITEMID":6,"CATEGORY":{"ID":2,"NAME":"Food"},"NAME":"Item_6"}'],
    ['{ "a" : [ 1, 2.50, null, "x\\"y" ], "b": {} }', '{"a":[1,2.50,null,"x\\"y"],"b":{}}'],
    ['["a", 1, null, true]', '[a, 1, null, true]'],
    ['[{"k": 1}, [2, "z"]]', '[{"k":1}, [2, z]]'],
    ['[]', '[]'],
  ];
  for (const [json, text] of cases) {
    it(`${json} → ${text}`, () => expect(jsonNodeText(parseJsonLossless(json))).to.equal(text));
  }
});
