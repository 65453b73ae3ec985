import { describe, expect, it } from "vitest";
import { parseDate } from "./dates.ts";

describe("parseDate", () => {
  it.each([
    ["Wed, 31 Jan 2018 07:26:05 GMT", "2018-01-31T07:26:05.000Z"],
    ["Mon, 07 Jan 2019 17:19:19 +0100", "2019-01-07T16:19:19.000Z"],
    ["Thu, 12 Nov 2015 21:16:39 -0000", "2015-11-12T21:16:39.000Z"],
    ["Tue, 10 Jun 2003 04:00:00 EST", "2003-06-10T09:00:00.000Z"],
    ["Sat, 07 Sep 2002 00:00:01 PDT", "2002-09-07T07:00:01.000Z"],
    ["07 Sep 02 10:00 CEST", "2002-09-07T08:00:00.000Z"],
    ["Wed, 3 Jan 2018 13:47 UT", "2018-01-03T13:47:00.000Z"],
    // A wrong weekday is ignored, as readers do.
    ["Mon, 03 Jan 2018 13:47:00 GMT\r\n      ", "2018-01-03T13:47:00.000Z"],
  ])("reads RFC 822 %j", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    ["2018-01-31T07:26:05Z", "2018-01-31T07:26:05.000Z"],
    ["2016-02-01T17:54:50+01:00", "2016-02-01T16:54:50.000Z"],
    ["2016-02-01T17:54:50.123-0530", "2016-02-01T23:24:50.123Z"],
    ["2018-01-31 07:26:05", "2018-01-31T07:26:05.000Z"],
    ["2018-01-31", "2018-01-31T00:00:00.000Z"],
    ["2003-12", "2003-12-01T00:00:00.000Z"],
    ["20180131T072605Z", "2018-01-31T07:26:05.000Z"],
  ])("reads ISO 8601 %j", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    ["31-Oct-2014 16:12", "2014-10-31T16:12:00.000Z"],
    ["11-Oct-2014", "2014-10-11T00:00:00.000Z"],
    ["09-Nov-2014 23:59 (GMT 1.00) Brussels, Copenhagen, Madrid, Paris", "2014-11-09T22:59:00.000Z"],
    ["28-Jul-2014 15:30 (GMT -4.00) Eastern Time (US & Canada), Bogota, Lima", "2014-07-28T19:30:00.000Z"],
    ["01-Aug-2014 17:01 (GMT 5.30) Chennai", "2014-08-01T11:31:00.000Z"],
    ["31/10/2014", "2014-10-31T00:00:00.000Z"],
    ["05/10/2014 14:00", "2014-10-05T14:00:00.000Z"],
    ["10/31/2014", "2014-10-31T00:00:00.000Z"],
    ["31.10.2014 16:00 Uhr", "2014-10-31T16:00:00.000Z"],
    ["January 5, 2020", "2020-01-05T00:00:00.000Z"],
    ["Jan 5 2020 10:30 AM GMT+1", "2020-01-05T09:30:00.000Z"],
    ["Monday, January 5th, 2020 at 2pm UTC-5", "2020-01-05T19:00:00.000Z"],
    ["Deadline: 2 November 2014 23:59hrs CET", "2014-11-02T22:59:00.000Z"],
    ["5. März 2020, 12:00 GMT+01:00", "2020-03-05T11:00:00.000Z"],
    ["12 de septiembre de 2019", "2019-09-12T00:00:00.000Z"],
    ["Closing 2014/10/31 12:00:00 +02:00", "2014-10-31T10:00:00.000Z"],
    ["12:00 AM, Jan 1 2020", "2020-01-01T00:00:00.000Z"],
  ])("reads the lenient %j", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([[""], [null], [undefined], ["soon"], ["2014"], ["31-Foo-2014"], ["30 February 2014"], ["2014-13-01"], ["25:61 32/13/2014"]])(
    "gives null for %j",
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );

  it("reads no month from a word that names an Object.prototype member", () => {
    expect(parseDate("5 constructor 2020, 3 March 2021")).toBe("2021-03-03T00:00:00.000Z");
  });
});
