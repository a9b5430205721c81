package followers

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/sweetspot/sweetspot/internal/scoring"
)

// itAdmins is the scoring fixture community of B2B IT administrators.
func itAdmins(t testing.TB) scoring.Audience {
	t.Helper()
	b, err := os.ReadFile("../scoring/testdata/communities/itadmins.json")
	if err != nil {
		t.Fatal(err)
	}
	var a scoring.Audience
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// Bios for the synthetic follower set. On-target bios each mention one of
// the IT admins' interests (in an inflected form, a hashtag or words out of
// phrase order, as bios do); off-target bios mention none of their words.
var (
	onTargetBios = []string{
		"Sysadmin. Backups or it didn't happen. Kubernetes tinkerer.",
		"Linux admin, ransomware hunter, coffee first",
		"Keeping servers alive since 2004. Kubernetes, Linux, Terraform.",
		"#DisasterRecovery planner for hospitals. Dad of three.",
		"Automation nerd: Ansible, Terraform and PowerShell. Linux at home.",
		"Security for networks of small firms (network security consultant), Kubernetes",
		"I restore what others break. Homelab, Linux.",
		"Compliance and audit lead, ISO 27001. Runner.",
		"Cloud storage architect at a regional bank. Terraform fan of Kubernetes.",
		"Patch management at scale; Windows and Linux fleets",
		"Active Directory whisperer. Helpdesk veteran.",
		"Virtualization engineer (VMware, Proxmox), homelab, Kubernetes",
	}
	offTargetBios = []string{
		"Dad, runner, coffee snob.",
		"Primary school teacher who loves hiking and photography",
		"Gardening, sourdough and my two dogs",
		"Football fan. Music lover. Living in Leeds.",
		"Yoga teacher, traveller, vegetarian cook",
		"Photography and travel. Mum of two.",
		"Nurse. Knitting in my spare time.",
		"Reading, writing, walking the dog",
		"Aspiring novelist and part-time barista",
		"Jazz guitarist and music teacher",
		"Cycling, hiking, camping. Outdoors whenever I can.",
		"Retired and loving life: golf and grandchildren",
		"Baker of cakes, maker of messes",
	}
)

// synthFollowers returns n followers of whom exactly onPer of every 20 have
// an on-target bio, every 10th no bio at all (not counted in the share),
// with networks and ages on some rows. Deterministic.
func synthFollowers(n, onPer int) []Follower {
	nets := []string{"linkedin", "x", "LinkedIn", "mastodon", "", "substack"}
	ages := []AgeBracket{{Min: 25, Max: 34}, {Min: 35, Max: 44}, {Min: 45, Max: 54}, {}, {Min: 65, Open: true}}
	var out []Follower
	on, off := 0, 0
	for i := 0; len(out) < n; i++ {
		f := Follower{Network: nets[i%len(nets)], Age: ages[i%len(ages)]}
		if i%7 == 3 {
			f.Age, f.BirthYear = AgeBracket{}, 1950+i%60
		}
		switch {
		case i%10 == 9:
			// no bio
		case (on+off)%20 < onPer:
			f.Bio = onTargetBios[on%len(onTargetBios)] + " #" + strconv.Itoa(on%5)
			on++
		default:
			f.Bio = offTargetBios[off%len(offTargetBios)]
			off++
		}
		out = append(out, f)
	}
	return out
}

// benchBios returns n varied bios: two to four fragments from both pools,
// and now and then a made-up word (a name, a place), so that the
// vocabulary grows with n as real bios' does. Deterministic.
func benchBios(n int) []Follower {
	rng := rand.New(rand.NewPCG(1, 2))
	pool := append(append([]string{}, onTargetBios...), offTargetBios...)
	out := make([]Follower, n)
	var b strings.Builder
	for i := range out {
		b.Reset()
		for k := 2 + rng.IntN(3); k > 0; k-- {
			b.WriteString(pool[rng.IntN(len(pool))])
			b.WriteString(" ")
		}
		if rng.IntN(2) == 0 {
			b.WriteString("Made in ")
			for k := 4 + rng.IntN(5); k > 0; k-- {
				b.WriteByte(byte('a' + rng.IntN(26)))
			}
			b.WriteString(".")
		}
		out[i] = Follower{Bio: b.String(), Network: "linkedin", Age: AgeBracket{Min: 25, Max: 34}}
	}
	return out
}
