// Package evaluation measures the scoring model against labelled drafts and
// against real posts with their real engagement.
//
// Two kinds of evidence, kept apart on purpose:
//
//   - The team's corpus (internal/scoring/testdata/eval): drafts labelled good,
//     ok or poor by the product's principles, and ranked pairs. It gives a
//     confusion matrix and a pairwise accuracy (Corpus, Evaluate).
//   - Real posts (../shared/data/real, never copied into the repository):
//     community discrimination on held-out posts and Spearman's rho between
//     the score and engagement, per community (LoadRealSet, EvaluateReal).
//
// `make eval-scoring` prints both (tools/evalscoring); the package's tests keep
// a floor under the corpus numbers.
package evaluation
