// The $connect handler of the asset-code fixture (AssetStack): CDK stages this folder as a code asset.
exports.handler = async (event) => ({ statusCode: 200, body: event.requestContext.connectionId })
