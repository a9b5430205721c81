package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sweetspot/sweetspot/internal/domain"
)

// readBody enforces the edge rules every JSON request body obeys: a JSON
// content type, at most domain.MaxBodyBytes, valid UTF-8, a JSON object.
func readBody(r *http.Request) ([]byte, error) {
	b, err := readLimited(r, "send the body as application/json", "application/json")
	if err != nil {
		return nil, err
	}
	return b, checkJSONObject(b)
}

// readLimited reads a request body of one of the media types (utf-8 if a
// charset is given) and at most domain.MaxBodyBytes; wrongType is the
// message for any other Content-Type.
func readLimited(r *http.Request, wrongType string, types ...string) ([]byte, error) {
	ct := r.Header.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil || !slices.Contains(types, mt) {
		return nil, domain.Errorf(domain.UnsupportedMediaType, "Content-Type", "%s", wrongType)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return nil, domain.Errorf(domain.UnsupportedMediaType, "Content-Type", "the only charset accepted is utf-8")
	}
	if r.ContentLength > domain.MaxBodyBytes {
		return nil, tooLarge()
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, domain.MaxBodyBytes+1))
	if err != nil {
		return nil, domain.Wrap(domain.Invalid, err, "could not read the request body")
	}
	if len(b) > domain.MaxBodyBytes {
		return nil, tooLarge()
	}
	return b, nil
}

func tooLarge() error {
	return domain.Errorf(domain.TooLarge, "", "the request body is over the limit of %d bytes", domain.MaxBodyBytes)
}

// checkJSONObject requires valid UTF-8 holding one JSON object.
func checkJSONObject(b []byte) error {
	if !utf8.Valid(b) {
		return domain.Errorf(domain.Invalid, "", "the request body is not valid UTF-8")
	}
	t := bytes.TrimSpace(b)
	if len(t) == 0 {
		return domain.Errorf(domain.Invalid, "", "the request body is empty: send a JSON object")
	}
	if t[0] != '{' {
		return domain.Errorf(domain.Invalid, "", "the request body must be a JSON object")
	}
	return nil
}

// decodeStrict decodes one JSON object into v, refusing unknown fields,
// fields the client may not set, wrong types and trailing data, with an
// error naming the field.
func decodeStrict(b []byte, v any, readOnly []string) error {
	if err := checkJSONObject(b); err != nil {
		return err
	}
	if len(readOnly) > 0 {
		var top map[string]json.RawMessage
		if err := json.Unmarshal(b, &top); err != nil {
			return jsonError(err)
		}
		for _, f := range readOnly {
			if _, ok := top[f]; ok {
				return domain.Errorf(domain.Invalid, f, "is read-only")
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	return endOfBody(dec)
}

// endOfBody refuses anything but white space after the JSON object.
// (Decoder.More alone misses a stray "}" or "]": it reports whether a
// list or object continues, and at the top level both look like an end.)
func endOfBody(dec *json.Decoder) error {
	if _, err := dec.Token(); err != io.EOF {
		return domain.Errorf(domain.Invalid, "", "unexpected data after the JSON object")
	}
	return nil
}

// decodeBody is readBody then decodeStrict.
func decodeBody(r *http.Request, v any, readOnly []string) error {
	b, err := readBody(r)
	if err != nil {
		return err
	}
	return decodeStrict(b, v, readOnly)
}

// jsonError turns encoding/json's errors into Invalid errors naming the
// field where it can.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return domain.Errorf(domain.Invalid, "", "malformed JSON at byte %d", syn.Offset)
	case errors.As(err, &typ):
		field := jsonField(typ.Field)
		if strings.HasPrefix(typ.Value, "number") && typ.Value != "number" {
			return domain.Errorf(domain.Invalid, field, "holds a number out of range (%s)", strings.TrimPrefix(typ.Value, "number "))
		}
		return domain.Errorf(domain.Invalid, field, "must be %s, not %s", jsonType(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return domain.Errorf(domain.Invalid, "", "malformed JSON: the body ends too early")
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		name, _ = strconv.Unquote(name)
		return domain.Errorf(domain.Invalid, name, "is not a known field")
	}
	return domain.Errorf(domain.Invalid, "", "malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// jsonField turns encoding/json's field path into the API's spelling:
// names of embedded Go structs ("Audience" in "Audience.interests.weight")
// are not part of the JSON, and every JSON name of the API is lowercase.
func jsonField(path string) string {
	parts := strings.Split(path, ".")
	kept := parts[:0]
	for _, p := range parts {
		if p != "" && !(p[0] >= 'A' && p[0] <= 'Z') {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, ".")
}

func jsonType(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "int", "int64", "int32", "float64", "float32":
		return "a number"
	case "bool":
		return "true or false"
	case "slice":
		return "an array"
	case "map", "struct":
		return "an object"
	}
	return "a " + kind
}

// mergePatch applies the JSON merge patch in the request body (RFC 7396)
// to current and decodes the result strictly into out. A "version" member
// is taken out as a precondition (0 when absent). Fields in readOnly may
// not be patched.
func mergePatch(r *http.Request, current, out any, readOnly []string) (version int, err error) {
	b, err := readBody(r)
	if err != nil {
		return 0, err
	}
	var patch map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&patch); err != nil {
		return 0, jsonError(err)
	}
	if err := endOfBody(dec); err != nil {
		return 0, err
	}
	if v, ok := patch["version"]; ok {
		n, isNum := v.(json.Number)
		i, err := n.Int64()
		if !isNum || err != nil || i < 1 {
			return 0, domain.Errorf(domain.Invalid, "version", "must be the resource's current version number")
		}
		version = int(i)
		delete(patch, "version")
	}
	for _, f := range readOnly {
		if _, ok := patch[f]; ok {
			return 0, domain.Errorf(domain.Invalid, f, "is read-only")
		}
	}
	cur, err := json.Marshal(current)
	if err != nil {
		return 0, domain.Wrap(domain.Internal, err, "internal error")
	}
	var doc any
	d := json.NewDecoder(bytes.NewReader(cur))
	d.UseNumber()
	if err := d.Decode(&doc); err != nil {
		return 0, domain.Wrap(domain.Internal, err, "internal error")
	}
	merged, err := json.Marshal(merge(doc, patch))
	if err != nil {
		return 0, domain.Wrap(domain.Internal, fmt.Errorf("merge: %w", err), "internal error")
	}
	return version, decodeStrict(merged, out, nil)
}

// merge is RFC 7396: objects merge recursively, null deletes, anything
// else replaces.
func merge(target any, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	for k, v := range p {
		if v == nil {
			delete(t, k)
			continue
		}
		t[k] = merge(t[k], v)
	}
	return t
}

// pageParams reads ?limit= and ?cursor=.
func pageParams(r *http.Request) (cursor string, limit int, err error) {
	q := r.URL.Query()
	cursor = q.Get("cursor")
	if !utf8.ValidString(cursor) || len(cursor) > domain.MaxCursorLen {
		return "", 0, domain.Errorf(domain.Invalid, "cursor", "is not a cursor returned by this list")
	}
	limit = domain.DefaultPageSize
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > domain.MaxPageSize {
			return "", 0, domain.Errorf(domain.Invalid, "limit", "must be a whole number from 1 to %d", domain.MaxPageSize)
		}
		limit = n
	}
	return cursor, limit, nil
}

// pathID returns the {id} path value if it is well formed for prefix;
// a malformed id is simply not found.
func pathID(r *http.Request, prefix, noun string) (string, error) {
	id := r.PathValue("id")
	if !domain.ValidID(prefix, id) {
		return "", domain.Errorf(domain.NotFound, "", "no such %s", noun)
	}
	return id, nil
}
