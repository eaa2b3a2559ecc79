// Types and the server protocol of this module are generated at build time from openapi.yaml
// (symlinked here) by swift-openapi-generator; see openapi-generator-config.yaml.
