import Foundation
import NemoAPI
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test("parsing keeps Booleans and numbers apart")
    func boolsAndNumbers() throws {
        let value = try JSONValue(parsing: #"{"a":true,"b":1,"c":0,"d":false,"e":1.5,"f":-2e3,"g":null,"h":"1"}"#)
        #expect(value == ["a": true, "b": 1, "c": 0, "d": false, "e": 1.5, "f": -2000, "g": nil, "h": "1"])
        #expect(value["a"]?.boolValue == true && value["b"]?.boolValue == nil)
        #expect(value["b"]?.intValue == 1 && value["e"]?.intValue == nil && value["e"]?.doubleValue == 1.5)
        #expect(value["g"]?.isNull == true && value["zz"] == nil && value["h"]?.stringValue == "1")
    }

    @Test("scalars and arrays at the top level")
    func topLevel() throws {
        #expect(try JSONValue(parsing: "[1,[2,[]],{}]") == [1, [2, []], [:]])
        #expect(try JSONValue(parsing: "\"x\"") == "x")
        #expect(try JSONValue(parsing: "null") == .null)
        #expect(try JSONValue(parsing: "[1]")[0] == 1)
        #expect(try JSONValue(parsing: "[1]")[1] == nil)
    }

    @Test("Codable: Foundation reads and writes JSONValue inside other models, integers stay integers")
    func codable() throws {
        struct Envelope: Codable, Equatable {
            var code: Int
            var data: JSONValue
        }
        let text = #"{"code":0,"data":{"draft":{"t":[{"tt":7,"sg":[{"d":3000}]}]},"ok":true,"v":0.35,"n":null}}"#
        let envelope = try JSONDecoder().decode(Envelope.self, from: Data(text.utf8))
        #expect(envelope.data == ["draft": ["t": [["tt": 7, "sg": [["d": 3000]]]]], "ok": true, "v": 0.35, "n": nil])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let written = String(decoding: try encoder.encode(envelope), as: UTF8.self)
        #expect(written == #"{"code":0,"data":{"draft":{"t":[{"sg":[{"d":3000}],"tt":7}]},"n":null,"ok":true,"v":0.35}}"#)
    }

    @Test("JSON text is compact, sorted, integers without a fraction, slashes unescaped")
    func jsonText() {
        let value: JSONValue = ["b": [10000, 0.35, true, nil], "a": "x/y \"q\" 中文", "c": -1]
        #expect(value.jsonText == #"{"a":"x/y \"q\" 中文","b":[10000,0.35,true,null],"c":-1}"#)
        #expect(JSONValue.number(.nan).jsonText == "null")
    }

    @Test("round trip through text", arguments: [
        #"{"t":[{"tt":0,"sg":[{"d":10000,"m":{"name":"city timelapse"}}]},{"tt":1,"sg":[{"d":3000,"m":{"v":0.35}}]}]}"#,
        #"[1.5,"🎬",false,null,{"":{}}]"#,
    ])
    func roundTrip(_ text: String) throws {
        let value = try JSONValue(parsing: text)
        #expect(try JSONValue(parsing: value.jsonText) == value)
    }
}
