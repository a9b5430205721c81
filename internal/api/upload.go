package api

import (
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/sweetspot/sweetspot/internal/domain"
)

// File uploads (POST /v1/communities/{id}/followers and /history) are not
// JSON bodies: a CSV or JSONL file, up to domain.MaxUploadBytes.
const (
	uploadCSV   = "csv"
	uploadJSONL = "jsonl"
)

// uploadTypes maps the accepted media types to their format.
var uploadTypes = map[string]string{
	"text/csv":             uploadCSV,
	"application/x-ndjson": uploadJSONL,
	"application/jsonl":    uploadJSONL,
}

// UploadReadTimeout is how long an upload's body may take to arrive (4 MiB
// at 128 KB/s: a slow mobile connection).
const UploadReadTimeout = 45 * time.Second

// readUpload reads an uploaded file: its format from the Content-Type
// (text/csv, or application/x-ndjson or application/jsonl for JSONL;
// charset utf-8 if one is given) and at most domain.MaxUploadBytes.
func readUpload(w http.ResponseWriter, r *http.Request) (format string, body []byte, err error) {
	ct := r.Header.Get("Content-Type")
	mt, params, perr := mime.ParseMediaType(ct)
	format, ok := uploadTypes[mt]
	if ct == "" || perr != nil || !ok {
		return "", nil, domain.Errorf(domain.UnsupportedMediaType, "Content-Type", "send the file as text/csv, application/x-ndjson or application/jsonl")
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return "", nil, domain.Errorf(domain.UnsupportedMediaType, "Content-Type", "the only charset accepted is utf-8")
	}
	if r.ContentLength > domain.MaxUploadBytes {
		return "", nil, uploadTooLarge()
	}
	// A file takes longer to arrive than a JSON body: its read deadline
	// moves from BodyReadTimeout to UploadReadTimeout (where the server
	// supports it; under Lambda API Gateway has the whole body already).
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(UploadReadTimeout))
	body, err = io.ReadAll(io.LimitReader(r.Body, domain.MaxUploadBytes+1))
	if err != nil {
		return "", nil, domain.Wrap(domain.Invalid, err, "could not read the request body")
	}
	if len(body) > domain.MaxUploadBytes {
		return "", nil, uploadTooLarge()
	}
	return format, body, nil
}

func uploadTooLarge() error {
	return domain.Errorf(domain.TooLarge, "", "the file is over the limit of %d bytes (%d MiB): split it", domain.MaxUploadBytes, domain.MaxUploadBytes>>20)
}

// fileErrorBody is a 400 about a line of an uploaded file: the usual error
// object, and the line and column (1-based; column 0: the whole line).
type fileErrorBody struct {
	Error  errorDetail `json:"error"`
	Line   int         `json:"line"`
	Column int         `json:"column"`
}

// writeFileError answers a bad file with the line and column at fault.
func writeFileError(w http.ResponseWriter, r *http.Request, code domain.Code, line, column int, field, message string) {
	infoFrom(r.Context()).errCode = string(code)
	writeJSON(w, statusOf(code), fileErrorBody{Error: errorDetail{Code: code, Message: message, Field: field}, Line: line, Column: column})
}
