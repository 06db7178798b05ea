// DynamoDB item writes and the TTL attribute of an item.
import { runSinkTable } from './sinkTable';

const V3 = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, DynamoDBDocument, PutCommand, GetCommand } from '@aws-sdk/lib-dynamodb';\nconst client = DynamoDBDocumentClient.from(new DynamoDBClient({}));\n`;

runSinkTable('sinks: DynamoDB', {
  valid: [
    `${V3}await client.send(new GetCommand({ TableName: 't', Key: { email } }));`,
    `await client.send(new PutCommand({ TableName: 't', Item: { email } }));`,
    `await queue.send({ email });`,
    `const db = new Map();\ndb.put({ Item: { email } });`,
  ],
  invalid: [
    { code: `${V3}await client.send(new PutCommand({ TableName: 't', Item: { email } }));`, expect: [{ line: 4, family: 'dynamodb', kind: 'storage', data: ['{ email }'], expiry: undefined }] },
    {
      code: `${V3}await client.send(new PutCommand({ TableName: 't', Item: { email, ttl: Math.floor(Date.now() / 1000) + 30 * 86400 } }));`,
      expect: [{ line: 4, family: 'dynamodb', kind: 'storage', expiry: 'P30D', expiryBy: 'DynamoDB TTL attribute ttl at line 4' }],
    },
    { code: `${V3}const expiresAt = Math.floor(Date.now() / 1000) + 3600;\nconst command = new PutCommand({ TableName: 't', Item: { email, expiresAt } });\nawait client.send(command);`, expect: [{ line: 6, family: 'dynamodb', kind: 'storage', expiry: 'PT1H' }] },
    // epoch milliseconds: DynamoDB never deletes the item
    { code: `${V3}await client.send(new PutCommand({ TableName: 't', Item: { email, ttl: Date.now() + 3600_000 } }));`, expect: [{ line: 4, family: 'dynamodb', kind: 'storage', expiry: undefined }] },
    { code: `import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';\nconst db = new DynamoDBClient({});\nawait db.send(new PutItemCommand({ TableName: 't', Item: { email: { S: email }, ttl: { N: String(Math.floor(Date.now() / 1000) + 86400) } } }));`, expect: [{ line: 3, family: 'dynamodb', kind: 'storage', expiry: 'P1D' }] },
    { code: `${V3}const doc = DynamoDBDocument.from(new DynamoDBClient({}));\nawait doc.put({ TableName: 't', Item: { phone } });`, expect: [{ line: 5, family: 'dynamodb', kind: 'storage', data: ['{ phone }'] }] },
    { code: `import AWS from 'aws-sdk';\nconst docClient = new AWS.DynamoDB.DocumentClient();\nawait docClient.put({ TableName: 't', Item: { email } }).promise();`, expect: [{ line: 3, family: 'dynamodb', kind: 'storage' }] },
    { code: `${V3}import { UpdateCommand } from '@aws-sdk/lib-dynamodb';\nawait client.send(new UpdateCommand({ TableName: 't', Key: { id }, UpdateExpression: 'SET email = :e', ExpressionAttributeValues: { ':e': email } }));`, expect: [{ line: 5, family: 'dynamodb', kind: 'storage', data: ["{ ':e': email }"] }] },
  ],
});
