package stack

import (
	"path/filepath"
	"strconv"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2integrations"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sweetspot/sweetspot/internal/routes"
)

// Function sizing. Go on arm64 starts in tens of milliseconds; 512 MB buys
// the CPU share that server-side scoring (POST /v1/score) wants.
const (
	FunctionMemoryMB       = 512
	FunctionTimeoutSeconds = 10 // well under API Gateway's 30 s integration limit
)

// Environment variables the API function reads.
const (
	EnvTableName    = "TABLE_NAME"
	EnvLogLevel     = "LOG_LEVEL"
	EnvEventTTLDays = "EVENT_TTL_DAYS"
)

// TableItemActions returns the DynamoDB actions the API may take on the
// table's items, and nothing else: no Scan, no table administration, no
// streams. Transactions need no action of their own: TransactWriteItems is
// authorised per item by PutItem, UpdateItem, DeleteItem and
// ConditionCheckItem.
func TableItemActions() []string {
	return []string{
		"dynamodb:BatchGetItem",
		"dynamodb:BatchWriteItem",
		"dynamodb:ConditionCheckItem",
		"dynamodb:DeleteItem",
		"dynamodb:GetItem",
		"dynamodb:PutItem",
		"dynamodb:Query",
		"dynamodb:UpdateItem",
	}
}

// IndexActions are the actions granted on each index's ARN: indexes are
// only ever queried.
func IndexActions() []string { return []string{"dynamodb:Query"} }

// corsMaxAgeHours is how long a browser may cache a preflight answer.
const corsMaxAgeHours = 1

// API is the API function and the HTTP API in front of it.
type API struct {
	Function awslambda.Function
	Role     awsiam.Role
	LogGroup awslogs.LogGroup
	HttpApi  awsapigatewayv2.HttpApi
	Stage    awsapigatewayv2.HttpStage
	// AccessLogs receives one JSON line per API request.
	AccessLogs awslogs.LogGroup
}

// newFunctionRole is the role of a function that works on the table: it
// writes to its own log group and reads and writes the items of the table
// and its indexes, nothing else. An explicit role instead of the default
// one: the default attaches the AWS managed AWSLambdaBasicExecutionRole,
// which may write to any log group in the account. Every function of the
// stack gets its role here, so their policies cannot drift apart.
func newFunctionRole(scope constructs.Construct, id, description string, logs awslogs.LogGroup, d *Data) awsiam.Role {
	role := awsiam.NewRole(scope, jsii.String(id), &awsiam.RoleProps{
		AssumedBy:   awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
		Description: jsii.String(description),
	})
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:       jsii.String("WriteOwnLogs"),
		Actions:   jsii.Strings("logs:CreateLogStream", "logs:PutLogEvents"),
		Resources: &[]*string{logs.LogGroupArn()},
	}))
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:       jsii.String("TableItems"),
		Actions:   jsii.Strings(TableItemActions()...),
		Resources: &[]*string{d.Table.TableArn()},
	}))
	indexArns := make([]*string, 0, len(d.IndexNames))
	for _, n := range d.IndexNames {
		indexArns = append(indexArns, d.IndexArn(n))
	}
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:       jsii.String("QueryIndexes"),
		Actions:   jsii.Strings(IndexActions()...),
		Resources: &indexArns,
	}))
	return role
}

func newAPI(scope constructs.Construct, p Props, d *Data, origin *OriginSecret) *API {
	a := &API{}
	a.LogGroup = awslogs.NewLogGroup(scope, jsii.String("ApiFunctionLogs"), &awslogs.LogGroupProps{
		Retention:     p.Stage.LogRetention,
		RemovalPolicy: removal(p.Stage),
	})

	// An explicit role instead of the default one: the default attaches the
	// AWS managed AWSLambdaBasicExecutionRole, which may write to any log
	// group in the account. This one writes to its own log group only and
	// touches only the items of its table.
	a.Role = newFunctionRole(scope, "ApiFunctionRole", "Sweetspot API function: its log group and the items of its table", a.LogGroup, d)

	env := map[string]*string{
		EnvTableName: d.Table.TableName(),
		EnvLogLevel:  jsii.String(p.Stage.LogLevel),
	}
	if p.EventTTLDays > 0 {
		env[EnvEventTTLDays] = jsii.String(strconv.Itoa(p.EventTTLDays))
	}
	// Dynamic references: CloudFormation resolves them at deploy time, so
	// the secret is in neither the template nor the cloud assembly.
	env[EnvOriginSecret] = origin.Current
	env[EnvOriginSecretPrevious] = origin.Previous
	// Opt-in (Settings.ReservedConcurrency): reserving more than the
	// account can spare makes the function fail to create.
	var reserved *float64
	if p.ReservedConcurrency > 0 {
		reserved = jsii.Number(float64(p.ReservedConcurrency))
	}
	a.Function = awslambda.NewFunction(scope, jsii.String("ApiFunction"), &awslambda.FunctionProps{
		Description:                  jsii.String("Sweetspot HTTP API (functions/api)"),
		Runtime:                      awslambda.Runtime_PROVIDED_AL2023(),
		Architecture:                 awslambda.Architecture_ARM_64(),
		Handler:                      jsii.String("bootstrap"),
		Code:                         awslambda.Code_FromAsset(jsii.String(filepath.Join(p.LambdaDir, APIFunction)), nil),
		MemorySize:                   jsii.Number(FunctionMemoryMB),
		Timeout:                      awscdk.Duration_Seconds(jsii.Number(FunctionTimeoutSeconds)),
		Role:                         a.Role,
		LogGroup:                     a.LogGroup,
		Environment:                  &env,
		ReservedConcurrentExecutions: reserved,
		// X-Ray: where a slow request spends its time (DynamoDB calls show
		// as subsegments once the SDK is instrumented; the invocation and
		// its cold start show regardless).
		Tracing: awslambda.Tracing_ACTIVE,
	})

	cors := &awsapigatewayv2.CorsPreflightOptions{
		AllowOrigins: jsii.Strings(p.AllowedOrigins...),
		AllowMethods: &[]awsapigatewayv2.CorsHttpMethod{
			awsapigatewayv2.CorsHttpMethod_GET, awsapigatewayv2.CorsHttpMethod_POST,
			awsapigatewayv2.CorsHttpMethod_PUT, awsapigatewayv2.CorsHttpMethod_PATCH,
			awsapigatewayv2.CorsHttpMethod_DELETE, awsapigatewayv2.CorsHttpMethod_OPTIONS,
		},
		// What browsers send and may read when API Gateway answers CORS.
		AllowHeaders:  jsii.Strings("authorization", "content-type", "idempotency-key"),
		ExposeHeaders: jsii.Strings("location", "retry-after"),
		MaxAge:        awscdk.Duration_Hours(jsii.Number(corsMaxAgeHours)),
	}
	if len(p.AllowedOrigins) == 0 {
		// The function answers CORS itself, per key: an ingest key's
		// allowed origins are data, not deploy-time configuration.
		cors = nil
	}
	a.HttpApi = awsapigatewayv2.NewHttpApi(scope, jsii.String("HttpApi"), &awsapigatewayv2.HttpApiProps{
		ApiName:            jsii.String("sweetspot-" + p.Stage.Name),
		Description:        jsii.String("Sweetspot HTTP API: one route per entry of internal/routes"),
		CreateDefaultStage: jsii.Bool(false),
		CorsPreflight:      cors,
	})
	a.Stage = a.HttpApi.AddStage(jsii.String("DefaultStage"), &awsapigatewayv2.HttpStageOptions{
		StageName:  jsii.String("$default"),
		AutoDeploy: jsii.Bool(true),
		Throttle: &awsapigatewayv2.ThrottleSettings{
			RateLimit:  jsii.Number(p.Stage.ThrottleRate),
			BurstLimit: jsii.Number(p.Stage.ThrottleBurst),
		},
	})
	a.AccessLogs = awslogs.NewLogGroup(scope, jsii.String("ApiAccessLogs"), &awslogs.LogGroupProps{
		Retention:     p.Stage.LogRetention,
		RemovalPolicy: removal(p.Stage),
	})
	// The L2 stage takes access log settings only as a jsii interface; the
	// CloudFormation property is plainer.
	cfnStage := a.Stage.Node().DefaultChild().(awsapigatewayv2.CfnStage)
	cfnStage.SetAccessLogSettings(&awsapigatewayv2.CfnStage_AccessLogSettingsProperty{
		DestinationArn: a.AccessLogs.LogGroupArn(),
		Format:         jsii.String(AccessLogFormat),
	})

	// One integration, one invoke permission for the whole API (not one per
	// route): the function's resource policy stays small as routes grow.
	integration := awsapigatewayv2integrations.NewHttpLambdaIntegration(jsii.String("ApiIntegration"), a.Function,
		&awsapigatewayv2integrations.HttpLambdaIntegrationProps{
			PayloadFormatVersion:   awsapigatewayv2.PayloadFormatVersion_VERSION_2_0(),
			ScopePermissionToRoute: jsii.Bool(false),
		})
	for _, r := range DeclaredRoutes(p) {
		a.HttpApi.AddRoutes(&awsapigatewayv2.AddRoutesOptions{
			Path:        jsii.String(r.Path),
			Methods:     &[]awsapigatewayv2.HttpMethod{awsapigatewayv2.HttpMethod(r.Method)},
			Integration: integration,
		})
	}
	return a
}

// PreflightRoute sends every CORS preflight to the function when API
// Gateway does not answer them itself (no AllowedOrigins): without it API
// Gateway would answer 404, since routes.All() has no OPTIONS routes.
func PreflightRoute() routes.Route {
	return routes.Route{Method: "OPTIONS", Path: "/{proxy+}", Auth: routes.None}
}

// DeclaredRoutes are the routes the HTTP API declares: routes.All(), plus
// PreflightRoute when the function answers CORS.
func DeclaredRoutes(p Props) []routes.Route {
	rs := routes.All()
	if len(p.AllowedOrigins) == 0 {
		rs = append(rs, PreflightRoute())
	}
	return rs
}

// AccessLogFormat is one JSON line per request: what an operator needs to
// follow a request into the function's logs (requestId), and nothing from
// the body or the credentials.
const AccessLogFormat = `{"requestId":"$context.requestId","time":"$context.requestTime","ip":"$context.identity.sourceIp",` +
	`"routeKey":"$context.routeKey","status":"$context.status","latencyMs":"$context.responseLatency",` +
	`"integrationLatencyMs":"$context.integrationLatency","responseLength":"$context.responseLength",` +
	`"integrationError":"$context.integrationErrorMessage"}`
