package scoring

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Channel fit: does the draft suit the network it targets (networks.go:
// length limit, ideal length, hashtags, links, title), and is the community
// there at all? The format part starts at 100: a draft over the hard limit
// keeps at most ChannelOverLimitMax (scaled by how far over), a length
// outside the ideal range loses up to ChannelIdealPenalty, each hashtag
// outside the usual range ChannelHashtagPenalty (more than the network's
// hard maximum: ChannelHashLimitPenalty), links where they do not work
// ChannelLinkPenalty, a missing title where one is needed ChannelTitlePenalty
// (too long a title half of that). The presence part is the target network's
// member count relative to the network where most members are. With member
// counts the score is ChannelFormatWeight format + the rest presence;
// without, format alone. Twitter lengths are weighted as Twitter does: a URL
// counts TwitterURLLength, CJK characters and emoji count twice.
const (
	ChannelFormatWeight     = 0.6
	ChannelOverLimitMax     = 30.0
	ChannelIdealPenalty     = 20.0
	ChannelHashtagPenalty   = 10.0
	ChannelHashLimitPenalty = 40.0
	ChannelLinkPenalty      = 15.0
	ChannelTitlePenalty     = 20.0
	TwitterURLLength        = 23
)

// formatFit is how a draft fits one network's format.
type formatFit struct {
	score  float64
	length int
	issues []string
	fix    string
	over   bool // over the network's hard limit
}

func (a *analysis) fit(nw *network) formatFit {
	body := strings.TrimSpace(a.body.text)
	L := utf8.RuneCountInString(body)
	if nw.id == "twitter" {
		L += a.body.wideRunes + a.body.emoji - a.body.urlRunes + TwitterURLLength*a.body.urls
	}
	ff := formatFit{score: 100, length: L}
	penalise := func(p float64, issue, fix string) {
		ff.score -= p
		ff.issues = append(ff.issues, issue)
		if ff.fix == "" {
			ff.fix = fix
		}
	}
	switch {
	case L == 0:
		ff.score = 0
		ff.issues = append(ff.issues, "the draft is empty")
		ff.fix = "Write the post."
	case nw.limit > 0 && L > nw.limit:
		ff.score = ChannelOverLimitMax * float64(nw.limit) / float64(L)
		ff.over = true
		ff.issues = append(ff.issues, itoa(L)+" characters, over "+nw.name+"'s limit of "+itoa(nw.limit))
		ff.fix = "Cut the draft to " + itoa(nw.limit) + " characters for " + nw.name + ", or publish it in a longer format."
	case nw.idealMin > 0 && L < nw.idealMin:
		penalise(ChannelIdealPenalty*(1-float64(L)/float64(nw.idealMin)), itoa(L)+" characters, short for "+nw.name+" (best "+itoa(nw.idealMin)+"–"+itoa(nw.idealMax)+")",
			"Develop the draft: "+nw.name+" posts of "+itoa(nw.idealMin)+"–"+itoa(nw.idealMax)+" characters do best.")
	case nw.idealMax > 0 && L > nw.idealMax:
		penalise(math.Min(ChannelIdealPenalty, ChannelIdealPenalty*(float64(L)/float64(nw.idealMax)-1)), itoa(L)+" characters, long for "+nw.name+" (best "+itoa(nw.idealMin)+"–"+itoa(nw.idealMax)+")",
			"Tighten the draft: "+nw.name+" posts of "+itoa(nw.idealMin)+"–"+itoa(nw.idealMax)+" characters do best.")
	}
	h := a.body.hashtags + a.title.hashtags
	switch {
	case nw.hashLimit > 0 && h > nw.hashLimit:
		penalise(ChannelHashLimitPenalty, plural(h, "hashtag", "hashtags")+", over "+nw.name+"'s limit of "+itoa(nw.hashLimit), "Keep "+itoa(nw.hashMax)+" hashtags at most.")
	case h > nw.hashMax:
		if nw.hashMax == 0 {
			penalise(math.Min(3*ChannelHashtagPenalty, ChannelHashtagPenalty*float64(h)), plural(h, "hashtag", "hashtags")+" where "+nw.name+" readers expect none", "Remove the hashtags: they do nothing on "+nw.name+".")
		} else {
			penalise(math.Min(3*ChannelHashtagPenalty, ChannelHashtagPenalty*float64(h-nw.hashMax)), plural(h, "hashtag", "hashtags")+" (usual on "+nw.name+": "+itoa(nw.hashMax)+" at most)", "Keep "+itoa(nw.hashMax)+" hashtags at most on "+nw.name+".")
		}
	case h < nw.hashMin:
		penalise(math.Min(2*ChannelHashtagPenalty, ChannelHashtagPenalty*float64(nw.hashMin-h)), plural(h, "hashtag", "hashtags")+" (usual on "+nw.name+": "+itoa(nw.hashMin)+"–"+itoa(nw.hashMax)+")", "Add "+itoa(nw.hashMin-h)+" or more relevant hashtags: "+nw.name+" is searched by them.")
	}
	if nw.noLinks && a.body.urls > 0 {
		penalise(ChannelLinkPenalty, "links are not clickable on "+nw.name, "Move the link to your profile (“link in bio”).")
	}
	titleLen := utf8.RuneCountInString(strings.TrimSpace(a.title.text))
	switch {
	case nw.needsTitle && titleLen == 0:
		penalise(ChannelTitlePenalty, nw.name+" needs a title", "Add a title"+titleHint(nw)+".")
	case nw.titleMax > 0 && titleLen > nw.titleMax:
		penalise(ChannelTitlePenalty/2, "title of "+itoa(titleLen)+" characters (best under "+itoa(nw.titleMax)+")", "Shorten the title to under "+itoa(nw.titleMax)+" characters.")
	}
	ff.score = clamp(ff.score, 0, 100)
	return ff
}

func titleHint(nw *network) string {
	if nw.id == "email" {
		return " (the subject line) of " + itoa(nw.titleMin) + "–" + itoa(nw.titleMax) + " characters"
	}
	return " of " + itoa(nw.titleMin) + "–" + itoa(nw.titleMax) + " characters"
}

func (a *analysis) channel(r *Result) checkResult {
	p := a.p
	target, known := CanonicalNetwork(a.c.Network)
	note := ""
	switch {
	case known:
	case len(p.networks) > 0:
		target = p.networks[0].id
		note = "No known target network given; judged for " + networkByID(target).name + ", where most of the community is. "
	default:
		target = "blog"
		note = "No known target network given; judged as a blog post. "
	}
	if strings.TrimSpace(a.c.Network) == "" {
		note = strings.Replace(note, "No known target network given", "No target network given", 1)
	}
	members := func(id string) int {
		for _, m := range p.networks {
			if m.id == id {
				return m.members
			}
		}
		return 0
	}
	best := ""
	if len(p.networks) > 0 && p.networks[0].members > 0 {
		best = p.networks[0].id
	}
	presence := func(id string) float64 {
		if best == "" {
			return 100
		}
		return 100 * float64(members(id)) / float64(members(best))
	}
	score := func(ff formatFit, id string) float64 {
		if best == "" {
			return ff.score
		}
		return ChannelFormatWeight*ff.score + (1-ChannelFormatWeight)*presence(id)
	}

	ids := make([]string, 0, len(p.networks)+1)
	for _, m := range p.networks {
		ids = append(ids, m.id)
	}
	if members(target) == 0 && indexOf(ids, target) < 0 {
		ids = append(ids, target)
	}
	var targetFit formatFit
	bestFitID, bestFit := "", -1.0
	for _, id := range ids {
		nw := networkByID(id)
		ff := a.fit(nw)
		s := score(ff, id)
		share := 0.0
		if p.totalMembers > 0 {
			share = float64(members(id)) / float64(p.totalMembers)
		}
		r.Networks = append(r.Networks, NetworkFit{
			ID: id, Members: members(id), Share: round3(share), Score: clampScore(s),
			Rating: rate(float64(clampScore(s)), p.thresholds[idxChannel]), Limit: nw.limit, Target: id == target,
		})
		if id == target {
			targetFit = ff
		}
		if s > bestFit {
			bestFitID, bestFit = id, s
		}
	}
	nw := networkByID(target)
	cr := checkResult{score: score(targetFit, target)}
	if targetFit.over {
		cr.caps = append(cr.caps, finding{CheckChannel, "Over " + nw.name + "'s limit: " + itoa(targetFit.length) + " characters of " + itoa(nw.limit) + "."})
	}
	cr.message = note + nw.name + ": "
	if len(targetFit.issues) == 0 {
		cr.message += itoa(targetFit.length) + " characters, fits the format"
	} else {
		cr.message += strings.Join(targetFit.issues, "; ")
	}
	switch {
	case best == "":
		cr.message += ". The community's networks are not known."
	case members(target) == 0:
		cr.message += ". None of this community's members are on " + nw.name + "."
	default:
		cr.message += ". " + percent(float64(members(target))/float64(p.totalMembers)) + " of the community (" + itoa(members(target)) + " members) is there."
	}
	switch {
	case best != "" && best != target && presence(target) < 50:
		bn := networkByID(best)
		cr.suggestion = "Most of the community is on " + bn.name + " (" + percent(float64(members(best))/float64(p.totalMembers)) + "): publish there"
		if bestFitID != "" && bestFitID != best && bestFitID != target {
			cr.suggestion += ", or on " + networkByID(bestFitID).name + ", where this draft fits best"
		}
		cr.suggestion += "."
	case targetFit.fix != "":
		cr.suggestion = targetFit.fix
	case bestFitID != "" && bestFitID != target && bestFit > cr.score+10:
		cr.suggestion = "This draft would do better on " + networkByID(bestFitID).name + "."
	default:
		cr.suggestion = "Good fit for " + nw.name + "."
	}
	return cr
}
