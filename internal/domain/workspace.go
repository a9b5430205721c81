package domain

import "time"

// Meta is what the store maintains on every resource. Clients read it and
// may send Version back on PATCH as a precondition; they never set it.
type Meta struct {
	// Version starts at 1 and grows by one on every update. An update based
	// on an older version is refused with Conflict (optimistic concurrency).
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// ReadOnlyFields returns the JSON fields of any resource that a client
// may read but never write. Version is accepted on PATCH only, as a
// precondition; it is read-only on create.
func ReadOnlyFields() []string {
	return []string{"id", "created_at", "updated_at", "workspace_id", "hint", "fit"}
}

// Workspace is a tenant: everything else belongs to exactly one workspace,
// and no key of one workspace can see anything of another. Workspaces are
// created by an operator (`sweetspot admin create-workspace`), not via the API.
type Workspace struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Meta
}

// Validate checks the rules a workspace must satisfy.
func (w *Workspace) Validate() error {
	return checkText("name", w.Name, MaxNameLen, true)
}
