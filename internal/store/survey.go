package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/survey"
	"github.com/sweetspot/sweetspot/internal/table"
)

// The member survey (docs/SURVEY.md, docs/ACCESS_PATTERNS.md):
//
//	survey config  pk WS#<ws>                   sk SURVEY#<community>   (admin data: the workspace's partition)
//	survey tally   pk SURV#<ws>#<community>     sk TALLY                (public writes: a partition of its own)
//
// The tally holds counters only, one attribute each, added to with one
// UpdateItem ADD per submission: no answer is stored as such.
const (
	skSurvey = "SURVEY#"
	skTally  = "TALLY"
)

// Tally attributes: the fixed counts, and one counter per network,
// generation and interest term under these prefixes.
const (
	tallyRespondents = "respondents"
	tallyNetworksN   = "answered_networks"
	tallyGenerationN = "answered_generation"
	tallyInterestsN  = "answered_interests"
	tallyNetwork     = "n#"
	tallyGeneration  = "g#"
	tallyInterest    = "i#"
)

func tallyKey(ws, community string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{table.PK: strAV("SURV#" + ws + "#" + community), table.SK: strAV(skTally)}
}

// storedSurvey is the survey config item's value.
type storedSurvey struct {
	Community string `json:"community_id"`
	survey.Config
}

// PutSurveyConfig stores (replaces) the survey configuration of a community.
// The caller validated it (survey.Config.Validate).
func (s *Store) PutSurveyConfig(ctx context.Context, ws, community string, c survey.Config) error {
	av, err := marshal(storedSurvey{Community: community, Config: c})
	if err != nil {
		return domain.Wrap(domain.Internal, err, "internal error")
	}
	for k, v := range s.key(ws, skSurvey+community) {
		av[k] = v
	}
	av[kindAttr] = strAV("survey")
	_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: &s.table, Item: av})
	return s.fail("put survey", err)
}

// GetSurveyConfig reads the survey configuration of a community; ok is
// false when it has none (the API then serves survey.DefaultConfig).
func (s *Store) GetSurveyConfig(ctx context.Context, ws, community string) (c survey.Config, ok bool, err error) {
	var v storedSurvey
	_, err = s.get(ctx, ws, skSurvey+community, "survey", &v)
	if domain.ErrorCode(err) == domain.NotFound {
		return survey.Config{}, false, nil
	}
	if err != nil {
		return survey.Config{}, false, err
	}
	return v.Config, true, nil
}

// AddSurveyAnswers counts one member's validated answers into the
// community's tally: one UpdateItem ADD of every counter they touch, so
// concurrent submissions never lose a count. Like the engagement counters
// it is never retried (an ADD whose answer was lost may have applied): a
// failure is Unavailable and that one answer is not counted, never twice.
func (s *Store) AddSurveyAnswers(ctx context.Context, ws, community string, a survey.Answers) error {
	if a.Empty() {
		return nil
	}
	add := map[string]int64{tallyRespondents: 1}
	if len(a.Networks) > 0 {
		add[tallyNetworksN] = 1
		for _, n := range a.Networks {
			add[tallyNetwork+n] = 1
		}
	}
	if a.Generation != "" {
		add[tallyGenerationN] = 1
		add[tallyGeneration+a.Generation] = 1
	}
	if len(a.Interests) > 0 {
		add[tallyInterestsN] = 1
		for _, t := range a.Interests {
			add[tallyInterest+t] = 1
		}
	}
	// Attribute names come from closed lists (network ids, generations,
	// the community's own interest terms) but may hold any character of a
	// term, so they always travel as #placeholders.
	names := make([]string, 0, len(add))
	for n := range add {
		names = append(names, n)
	}
	sort.Strings(names)
	var expr strings.Builder
	attrNames := make(map[string]string, len(names))
	for i, n := range names {
		ph := "#a" + strconv.Itoa(i)
		attrNames[ph] = n
		if i == 0 {
			expr.WriteString("ADD ")
		} else {
			expr.WriteString(", ")
		}
		expr.WriteString(ph + " :one")
	}
	attrNames["#kind"] = kindAttr
	_, err := s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName:                 &s.table,
		Key:                       tallyKey(ws, community),
		UpdateExpression:          aws.String(expr.String() + " SET #kind = :kind"),
		ExpressionAttributeNames:  attrNames,
		ExpressionAttributeValues: map[string]types.AttributeValue{":one": numAV(1), ":kind": strAV("survey-tally")},
	}, noRetry)
	return s.fail("add survey answers", err)
}

// GetSurveyTally reads a community's tally (strongly consistent); an empty
// tally when nobody has answered.
func (s *Store) GetSurveyTally(ctx context.Context, ws, community string) (survey.Tally, error) {
	res, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, Key: tallyKey(ws, community), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return survey.Tally{}, s.fail("get survey tally", err)
	}
	var t survey.Tally
	for name, av := range res.Item {
		nv, ok := av.(*types.AttributeValueMemberN)
		if !ok {
			continue // keys and entity
		}
		n, err := strconv.Atoi(nv.Value)
		if err != nil {
			return survey.Tally{}, domain.Wrap(domain.Internal, fmt.Errorf("survey tally %s: %w", name, err), "internal error")
		}
		switch {
		case name == tallyRespondents:
			t.Respondents = n
		case name == tallyNetworksN:
			t.Answered.Networks = n
		case name == tallyGenerationN:
			t.Answered.Generation = n
		case name == tallyInterestsN:
			t.Answered.Interests = n
		case strings.HasPrefix(name, tallyNetwork):
			t.Networks = setCount(t.Networks, name[len(tallyNetwork):], n)
		case strings.HasPrefix(name, tallyGeneration):
			t.Generations = setCount(t.Generations, name[len(tallyGeneration):], n)
		case strings.HasPrefix(name, tallyInterest):
			t.Interests = setCount(t.Interests, name[len(tallyInterest):], n)
		}
	}
	return t, nil
}

func setCount(m map[string]int, k string, n int) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	m[k] = n
	return m
}
