package followers_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/sweetspot/sweetspot/internal/followers"
	"github.com/sweetspot/sweetspot/internal/scoring"
)

func ExampleAnalyseReader() {
	audience := scoring.Audience{
		Name:      "B2B IT administrators",
		Interests: []scoring.Interest{{Term: "backup"}, {Term: "disaster recovery"}, {Term: "ransomware"}},
	}
	// An export of eight followers (repeated four times below: a handful of
	// bios is too few for any word to stand out at 95% confidence).
	rows := `@ada,"Sysadmin. Backups, Kubernetes, coffee.",LinkedIn,25-34
@bob,Disaster recovery lead. Kubernetes at home.,LinkedIn,35-44
@cy,Ransomware hunter; Kubernetes and Terraform,X,35-44
@di,"Backup admin, Terraform fan",LinkedIn,45-54
@ed,#DisasterRecovery and Terraform,Mastodon,55-64
@fay,"Dad, runner, coffee snob",Facebook,35-44
@gus,Runner and photographer,,
@hal,,LinkedIn,25-34
`
	export := "Handle,Bio,Network,Age bracket\n" + strings.Repeat(rows, 4)
	now := time.Date(2026, time.July, 1, 0, 0, 0, 0, time.UTC)
	r, err := followers.AnalyseReader(context.Background(), audience, strings.NewReader(export), followers.FormatCSV, now)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d followers, %d bios, %.0f on target (%.0f%%, 95%% interval %.0f–%.0f%%)\n",
		r.Followers, r.Bios, r.OnTarget.Count, 100*r.OnTarget.Share, 100*r.OnTarget.Low, 100*r.OnTarget.High)
	for _, t := range r.Terms[:6] {
		fmt.Printf("cloud: %s (%d bios, interest %v)\n", t.Word, t.Followers, t.Interest)
	}
	for _, s := range r.Suggestions {
		fmt.Printf("suggested interest: %s (%.0f%% of on-target bios, %.0f%% of the others)\n", s.Word, 100*s.Share, 100*s.OthersShare)
	}
	for _, p := range r.Networks.Parts {
		fmt.Printf("network %s: %.0f of %d\n", p.ID, p.Count, p.Sample)
	}
	// Output:
	// 32 followers, 28 bios, 20 on target (71%, 95% interval 53–85%)
	// cloud: kubernetes (12 bios, interest false)
	// cloud: terraform (12 bios, interest false)
	// cloud: backup (8 bios, interest true)
	// cloud: coffee (8 bios, interest false)
	// cloud: runner (8 bios, interest false)
	// cloud: admin (4 bios, interest false)
	// suggested interest: kubernetes (60% of on-target bios, 0% of the others)
	// suggested interest: terraform (60% of on-target bios, 0% of the others)
	// network linkedin: 16 of 28
	// network facebook: 4 of 28
	// network mastodon: 4 of 28
	// network twitter: 4 of 28
}
