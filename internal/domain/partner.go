package domain

// Partner is a business that already has a community's ear: the workspace
// reaches communities through it and attributes engagement to it. A partner
// referenced by a community or an offer cannot be deleted (Conflict).
type Partner struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	URL         string `json:"url,omitempty"`
	Description string `json:"description,omitempty"`
	Meta
}

// Validate checks the rules a partner must satisfy.
func (p *Partner) Validate() error {
	if err := checkText("name", p.Name, MaxNameLen, true); err != nil {
		return err
	}
	if err := checkURL("url", p.URL, false); err != nil {
		return err
	}
	return checkText("description", p.Description, MaxDescriptionLen, false)
}
