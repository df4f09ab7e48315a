package yamlnode

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// resolve gives a plain scalar the tag the full parser gives it: the
// YAML 1.2 core schema with go-yaml's extras (timestamps, a leading "+",
// underscores in numbers, 0b/0o/0x prefixes, "<<").
func resolve(s string) string {
	if s == "" {
		return "!!null"
	}
	switch c := s[0]; {
	case c == '.':
		if tag, ok := keywords[s]; ok {
			return tag
		}
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		if tag, ok := keywords[s]; ok {
			return tag
		}
		if timestamp(s) {
			return "!!timestamp"
		}
		plain := strings.ReplaceAll(s, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(strings.TrimPrefix(plain, "+"), 0, 64); err == nil {
			return "!!int"
		}
		if decimalFloat(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return "!!float"
			}
		}
	case strings.IndexByte("yYnNtTfFoO~<", c) >= 0:
		if tag, ok := keywords[s]; ok {
			return tag
		}
	}
	return "!!str"
}

var keywords = map[string]string{
	"true": "!!bool", "True": "!!bool", "TRUE": "!!bool",
	"false": "!!bool", "False": "!!bool", "FALSE": "!!bool",
	"~": "!!null", "null": "!!null", "Null": "!!null", "NULL": "!!null",
	".nan": "!!float", ".NaN": "!!float", ".NAN": "!!float",
	".inf": "!!float", ".Inf": "!!float", ".INF": "!!float",
	"+.inf": "!!float", "+.Inf": "!!float", "+.INF": "!!float",
	"-.inf": "!!float", "-.Inf": "!!float", "-.INF": "!!float",
	"-0": "!!float", "-0.0": "!!float",
	"<<": "!!merge",
}

// timestamp reports whether s is a date or date-time in one of the forms
// go-yaml reads as a timestamp.
func timestamp(s string) bool {
	if len(s) < 5 || s[4] != '-' {
		return false
	}
	for i := range 4 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	for _, layout := range timestampLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

var timestampLayouts = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// decimalFloat reports whether s is [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
func decimalFloat(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	digits := func() int {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	} else {
		if digits() == 0 {
			return false
		}
		if i < len(s) && s[i] == '.' {
			i++
			digits()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// PlainIsString reports whether s, written as a plain scalar, is read as
// the string s both by YAML 1.2 (the full parser's resolution) and by
// YAML 1.1 tools, which also take yes, off and 1:20 for booleans and
// numbers. A writer quotes what it is not.
func PlainIsString(s string) bool { return resolve(s) == "!!str" && !MisreadByYAML11(s) }

// yaml11Bools are the words YAML 1.1 reads as true or false.
var yaml11Bools = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"y", "yes", "n", "no", "true", "false", "on", "off"} {
		for _, form := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			m[form] = true
		}
	}
	return m
}()

// sexagesimal matches YAML 1.1's base-60 numbers: 1:20, -3:25:45, 1:20.5.
var sexagesimal = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$`)

// MisreadByYAML11 reports whether a YAML 1.1 tool (PyYAML, go-yaml v2,
// many CI linters) would read the plain scalar s as a boolean or a
// number, though YAML 1.2 reads it as a string.
func MisreadByYAML11(s string) bool { return yaml11Bools[s] || sexagesimal.MatchString(s) }
