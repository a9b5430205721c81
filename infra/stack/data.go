package stack

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sweetspot/sweetspot/internal/table"
)

// Data is the DynamoDB table.
type Data struct {
	Table awsdynamodb.Table
	// IndexNames are the table's global secondary indexes, in definition order.
	IndexNames []string
}

// newData declares the table from table.Sweetspot(), the definition the
// store uses locally, so keys, indexes and the TTL attribute cannot drift.
//
// Encryption uses the AWS managed key (aws/dynamodb) rather than the default
// AWS owned key, so key use is visible in the account's CloudTrail, and
// rather than a customer managed key, which costs a monthly fee and a key
// policy to maintain and buys control (cross-account access, revoking the
// key) that a single-account application does not need.
func newData(scope constructs.Construct, stage StageConfig) *Data {
	def := table.Sweetspot()
	t := awsdynamodb.NewTable(scope, jsii.String("Table"), &awsdynamodb.TableProps{
		PartitionKey:        attribute(def.PartitionKey),
		SortKey:             attribute(def.SortKey),
		BillingMode:         awsdynamodb.BillingMode_PAY_PER_REQUEST,
		TimeToLiveAttribute: jsii.String(def.TTLAttribute),
		PointInTimeRecoverySpecification: &awsdynamodb.PointInTimeRecoverySpecification{
			PointInTimeRecoveryEnabled: jsii.Bool(true),
		},
		Encryption:         awsdynamodb.TableEncryption_AWS_MANAGED,
		DeletionProtection: jsii.Bool(stage.Retain),
		RemovalPolicy:      removal(stage),
	})
	d := &Data{Table: t}
	for _, ix := range def.Indexes {
		t.AddGlobalSecondaryIndex(&awsdynamodb.GlobalSecondaryIndexProps{
			IndexName:      jsii.String(ix.Name),
			PartitionKey:   attribute(ix.PartitionKey),
			SortKey:        attribute(ix.SortKey),
			ProjectionType: awsdynamodb.ProjectionType(ix.Projection),
		})
		d.IndexNames = append(d.IndexNames, ix.Name)
	}
	return d
}

func attribute(k table.Key) *awsdynamodb.Attribute {
	t := awsdynamodb.AttributeType_STRING
	if k.Type == table.Number {
		t = awsdynamodb.AttributeType_NUMBER
	}
	return &awsdynamodb.Attribute{Name: jsii.String(k.Name), Type: t}
}

// IndexArn is the ARN of one of the table's indexes.
func (d *Data) IndexArn(name string) *string {
	return jsii.String(*d.Table.TableArn() + "/index/" + name)
}
