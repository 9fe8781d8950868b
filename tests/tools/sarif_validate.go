// sarif_validate checks SARIF 2.1.0 logs (files named on the command line)
// against the object model generated from the SARIF 2.1.0 JSON schema
// (Debian's golang-github-haya14busa-go-sarif-dev, made by quicktype):
// every property is one the schema defines (property bags excepted, which
// the schema leaves open), has the schema's type and, for enumerations,
// one of its values (read from the generated source); every required
// property is present. Then the constraints the generated model drops
// that matter for what goesc writes: minimums, non-empty thread flows,
// rule indexes matching rule ids, base URIs defined and ending in "/".
//
// Run in GOPATH mode: GO111MODULE=off GOPATH=/usr/share/gocode go run sarif_validate.go LOG...
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"github.com/haya14busa/go-sarif/sarif"
)

var errs []string

func fail(path, format string, args ...interface{}) {
	if len(errs) < 50 {
		errs = append(errs, path+": "+fmt.Sprintf(format, args...))
	}
}

// enums maps each string type of the model to its values.
func enums() map[string]map[string]bool {
	dir := filepath.Join(os.Getenv("GOPATH"), "src/github.com/haya14busa/go-sarif/sarif")
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, "sarif.go"), nil, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sarif_validate:", err)
		os.Exit(2)
	}
	m := map[string]map[string]bool{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			id, ok := v.Type.(*ast.Ident)
			if !ok || len(v.Values) != 1 {
				continue
			}
			lit, ok := v.Values[0].(*ast.BasicLit)
			if !ok {
				continue
			}
			val, _ := strconv.Unquote(lit.Value)
			if m[id.Name] == nil {
				m[id.Name] = map[string]bool{}
			}
			m[id.Name][val] = true
		}
	}
	return m
}

var enumValues map[string]map[string]bool

// minimums the schema sets on integer properties goesc writes.
var minimum = map[string]float64{
	"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1,
	"ruleIndex": -1, "nestingLevel": 0, "id": -1, "index": -1, "executionOrder": -1,
}

func walk(v interface{}, t reflect.Type, path, name string) {
	for t.Kind() == reflect.Ptr {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]interface{})
		if !ok {
			fail(path, "want an object")
			return
		}
		open := t.Name() == "PropertyBag"
		known := map[string]bool{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := strings.Split(f.Tag.Get("json"), ",")
			key := tag[0]
			known[key] = true
			val, present := obj[key]
			if !present {
				if len(tag) < 2 || tag[1] != "omitempty" {
					fail(path, "required property %q missing", key)
				}
				continue
			}
			walk(val, f.Type, path+"."+key, key)
		}
		for key := range obj {
			if !known[key] && !open {
				fail(path, "property %q is not defined by the schema for %s", key, t.Name())
			}
		}
	case reflect.Slice:
		arr, ok := v.([]interface{})
		if !ok {
			fail(path, "want an array")
			return
		}
		// the schema's minItems 1 among the arrays goesc writes
		if el := t.Elem().Name(); (el == "ThreadFlow" || el == "ThreadFlowLocation") && len(arr) == 0 {
			fail(path, "must not be empty")
		}
		for i, e := range arr {
			walk(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i), name)
		}
	case reflect.Map:
		obj, ok := v.(map[string]interface{})
		if !ok {
			fail(path, "want an object")
			return
		}
		for k, e := range obj {
			walk(e, t.Elem(), path+"."+k, k)
		}
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			fail(path, "want a string")
			return
		}
		if vals := enumValues[t.Name()]; vals != nil && !vals[s] {
			fail(path, "%q is not a %s", s, t.Name())
		}
	case reflect.Int64, reflect.Int, reflect.Float64:
		n, ok := v.(float64)
		if !ok {
			fail(path, "want a number")
			return
		}
		if t.Kind() != reflect.Float64 && n != float64(int64(n)) {
			fail(path, "want an integer")
		}
		if min, ok := minimum[name]; ok && n < min {
			fail(path, "%v is below the minimum %v", n, min)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			fail(path, "want a boolean")
		}
	case reflect.Interface:
	default:
		fail(path, "unexpected model type %v", t)
	}
}

// crossCheck: what the schema cannot say.
func crossCheck(log *sarif.Sarif) {
	for r, run := range log.Runs {
		rules := run.Tool.Driver.Rules
		for i, res := range run.Results {
			where := fmt.Sprintf("runs[%d].results[%d]", r, i)
			if res.RuleIndex != nil {
				k := int(*res.RuleIndex)
				if k < 0 || k >= len(rules) {
					fail(where, "ruleIndex %d out of range", k)
				} else if res.RuleID != nil && rules[k].ID != *res.RuleID {
					fail(where, "ruleId %q but rule %d is %q", *res.RuleID, k, rules[k].ID)
				}
			}
			var locs []sarif.Location
			locs = append(locs, res.Locations...)
			locs = append(locs, res.RelatedLocations...)
			for _, cf := range res.CodeFlows {
				for _, tf := range cf.ThreadFlows {
					for _, l := range tf.Locations {
						if l.Location != nil {
							locs = append(locs, *l.Location)
						}
					}
				}
			}
			for _, l := range locs {
				if l.PhysicalLocation == nil || l.PhysicalLocation.ArtifactLocation == nil {
					continue
				}
				a := l.PhysicalLocation.ArtifactLocation
				if a.URIBaseID != nil {
					base, ok := run.OriginalURIBaseIDS[*a.URIBaseID]
					if !ok {
						fail(where, "uriBaseId %q not in originalUriBaseIds", *a.URIBaseID)
					} else if base.URI == nil || !strings.HasSuffix(*base.URI, "/") {
						fail(where, "base URI of %q must end in /", *a.URIBaseID)
					}
					if a.URI != nil && strings.HasPrefix(*a.URI, "/") {
						fail(where, "URI %q relative to %s must not start with /", *a.URI, *a.URIBaseID)
					}
				} else if a.URI != nil && !strings.HasPrefix(*a.URI, "file://") {
					fail(where, "URI %q is neither absolute nor given a base", *a.URI)
				}
			}
		}
	}
}

func main() {
	enumValues = enums()
	for _, file := range os.Args[1:] {
		data, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sarif_validate:", err)
			os.Exit(2)
		}
		var raw interface{}
		if err := json.Unmarshal(data, &raw); err != nil {
			fail(file, "not JSON: %v", err)
		} else {
			walk(raw, reflect.TypeOf(sarif.Sarif{}), file, "")
			var log sarif.Sarif
			if err := json.Unmarshal(data, &log); err != nil {
				fail(file, "%v", err)
			} else {
				crossCheck(&log)
			}
		}
	}
	for _, e := range errs {
		fmt.Println(e)
	}
	if len(errs) > 0 {
		os.Exit(1)
	}
	fmt.Printf("valid SARIF 2.1.0: %d file(s)\n", len(os.Args)-1)
}
