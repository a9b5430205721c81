package stack

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Environment variables of the origin secret (internal/config).
const (
	EnvOriginSecret         = "ORIGIN_SECRET"
	EnvOriginSecretPrevious = "ORIGIN_SECRET_PREVIOUS"
)

// Fields of the origin secret's JSON value, and the value "previous"
// starts with (config.NoPreviousSecret: nothing is accepted for it).
const (
	originSecretCurrent  = "current"
	originSecretPrevious = "previous"
	noPreviousSecret     = "none"
	originSecretLength   = 32
)

// OriginSecret is the shared secret CloudFront adds to every request it
// forwards to the API (routes.OriginVerifyHeader) and that the function
// requires, so the execute-api endpoint is useless to anyone who skips
// CloudFront (and the web ACL in front of it).
//
// Its value is JSON with two fields: "current", which CloudFront sends,
// and "previous", which the function still accepts. A rotation
// (docs/deploy.md, "Origin secret") moves current to previous, sets a new
// current and pins the new version in the stage settings; in the deploy,
// the function is updated before the distribution (a dependency), so every
// edge's header is accepted at every moment.
type OriginSecret struct {
	Secret awssecretsmanager.Secret
	// Current and Previous are CloudFormation dynamic references: the
	// values never appear in the template.
	Current, Previous *string
}

func newOriginSecret(scope constructs.Construct, p Props) *OriginSecret {
	secret := awssecretsmanager.NewSecret(scope, jsii.String("OriginSecret"), &awssecretsmanager.SecretProps{
		Description: jsii.String("Sweetspot " + p.Stage.Name + ": the header value CloudFront sends to the API " +
			`({"current": sent and accepted, "previous": still accepted during a rotation})`),
		GenerateSecretString: &awssecretsmanager.SecretStringGenerator{
			SecretStringTemplate: jsii.String(`{"` + originSecretPrevious + `":"` + noPreviousSecret + `"}`),
			GenerateStringKey:    jsii.String(originSecretCurrent),
			PasswordLength:       jsii.Number(originSecretLength),
			ExcludePunctuation:   jsii.Bool(true),
		},
		// Nothing is lost with it: a new stack generates a new one.
		RemovalPolicy: awscdk.RemovalPolicy_DESTROY,
	})
	field := func(name string) *string {
		opt := &awscdk.SecretsManagerSecretOptions{JsonField: jsii.String(name)}
		if p.OriginSecretVersion != "" {
			opt.VersionId = jsii.String(p.OriginSecretVersion)
		}
		return awscdk.SecretValue_SecretsManager(secret.SecretArn(), opt).UnsafeUnwrap()
	}
	return &OriginSecret{Secret: secret, Current: field(originSecretCurrent), Previous: field(originSecretPrevious)}
}
