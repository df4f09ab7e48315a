package schema

import (
	"sync"

	"github.com/entente-go/entente/internal/quickschema"
)

// quick is the schema compiled for the quick check that Validate asks
// first: it can only say "valid", and when it cannot, the library
// validates the value and describes every violation (package quickschema).
var quick = sync.OnceValues(func() (*quickschema.Schema, error) { return quickschema.Compile(schemaJSON) })
