package scoring

// Traits: an audience's psychographic traits adjust the model when one of
// them contains a word of a data/<code>/traits.txt section (compared on stems):
//
//   - skeptical ("skeptical of marketing"): pitch points count
//     TraitSkepticalPitch times in the value check;
//   - plain ("prefer plain language"): the readability check's Flesch target
//     and every generation's reading floor rise by TraitPlainFlesch;
//   - visual ("visual"): every generation tolerates TraitVisualEmoji more
//     emoji per 100 words.
//
// The checks say so in their messages. Other traits are kept for clients
// and not scored.
const (
	TraitSkepticalPitch = 2.0
	TraitPlainFlesch    = 10.0
	TraitVisualEmoji    = 3.0
)

// traitRules are the rules an audience's traits turn on.
type traitRules struct {
	skeptical, plain, visual bool
}

// traitSections maps data/<code>/traits.txt sections to the rule they turn on.
func (t *traitRules) set(section string) {
	switch section {
	case "skeptical":
		t.skeptical = true
	case "plain":
		t.plain = true
	case "visual":
		t.visual = true
	}
}

// compileTraits finds the rules the traits turn on.
func compileTraits(traits []string) traitRules {
	var rules traitRules
	if len(traits) == 0 {
		return rules
	}
	// Traits are free text in any modelled language ("escépticos del
	// marketing"): each word is looked up in every language's list.
	for _, l := range languages.list {
		words := l.traits()
		for _, t := range traits {
			for _, w := range splitPhrase(t) {
				if section, ok := words[l.stemWord(w)]; ok {
					rules.set(section)
				}
			}
		}
	}
	return rules
}
