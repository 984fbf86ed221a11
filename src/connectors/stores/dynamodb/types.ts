/**
 * The DynamoDB wire shapes the stores use (JSON protocol 1.0, API version 2012-08-10), as the
 * service documents them. Only what our operations send and read: no binary attributes.
 */

/** One attribute value: exactly one of these is set (`N` is a number written as a string). */
export interface AttributeValue {
  S?: string;
  N?: string;
  BOOL?: boolean;
  NULL?: boolean;
  L?: AttributeValue[];
  M?: Record<string, AttributeValue>;
  SS?: string[];
  NS?: string[];
}

export type Item = Record<string, AttributeValue>;

interface Expressions {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Item;
}

type ReturnValues = 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';

export interface GetItemInput {
  TableName: string;
  Key: Item;
  ConsistentRead?: boolean;
}

export interface GetItemOutput {
  Item?: Item;
}

export interface PutItemInput extends Expressions {
  TableName: string;
  Item: Item;
  ReturnValues?: ReturnValues;
}

export interface UpdateItemInput extends Expressions {
  TableName: string;
  Key: Item;
  UpdateExpression?: string;
  ReturnValues?: ReturnValues;
}

export interface UpdateItemOutput {
  Attributes?: Item;
}

export interface DeleteItemInput extends Expressions {
  TableName: string;
  Key: Item;
}

export interface QueryInput {
  TableName: string;
  IndexName?: string;
  KeyConditionExpression: string;
  FilterExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Item;
  ExclusiveStartKey?: Item;
  Limit?: number;
  ScanIndexForward?: boolean;
  ConsistentRead?: boolean;
}

export interface QueryOutput {
  Items?: Item[];
  LastEvaluatedKey?: Item;
}

/** CreateTable's request, as CloudFormation's table definition gives it (dynamodb-tables.json). */
export interface CreateTableInput {
  TableName: string;
  [field: string]: unknown;
}

/** DescribeTable's answer, as far as creating tables needs it. */
export interface DescribeTableOutput {
  Table?: { TableStatus?: string };
}

/** The operations this client makes, by their X-Amz-Target name. */
export interface Operations {
  GetItem: [GetItemInput, GetItemOutput];
  PutItem: [PutItemInput, object];
  UpdateItem: [UpdateItemInput, UpdateItemOutput];
  DeleteItem: [DeleteItemInput, object];
  Query: [QueryInput, QueryOutput];
  CreateTable: [CreateTableInput, object];
  DescribeTable: [{ TableName: string }, DescribeTableOutput];
}
