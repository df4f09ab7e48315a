package tables

// AppendRecordForTest is appendRecord, for the tests of package tables_test.
func AppendRecordForTest(fields []string) string { return string(appendRecord(nil, fields)) }

// AppendNumberForTest is appendNumber.
func AppendNumberForTest(n int) string { return string(appendNumber(nil, n)) }
