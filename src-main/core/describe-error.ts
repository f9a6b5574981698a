// Written once in the contract, where the renderer can reach it too; core's many callers keep this path.
export { describeError } from '@contract/describe-error';
