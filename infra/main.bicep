// Support Intake bot: everything it needs in one resource group.
//
//   az deployment group create -g RG -f infra/main.bicep -p infra/main.parameters.json
//
// A user-assigned managed identity is the bot's Microsoft App ID (msaAppType UserAssignedMSI) and
// reads and writes Table Storage with the "Storage Table Data Contributor" role: no client secret
// and no storage account key exist anywhere. See infra/README.md for the steps around it.
targetScope = 'resourceGroup'

@description('Short name used in every resource name: lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param baseName string = 'support-intake'

@description('Region of every resource but the bot registration, which is global.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 or higher runs Always On; S1/P0v3 or higher adds autoscale rules and deployment slots.')
param appServicePlanSku string = 'B1'

@description('Number of web app instances. The app keeps no state in the process, so it scales out freely.')
@minValue(1)
@maxValue(30)
param appServicePlanCapacity int = 1

@description('Runtime stack of the web app.')
param linuxFxVersion string = 'NODE|20-lts'

@description('Azure Bot pricing tier. The Teams channel is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Display name of the bot registration.')
param botDisplayName string = 'Support Intake'

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Comma-separated Entra tenant ids whose users the bot serves. Empty: the tenant deployed to.')
param allowedTenants string = ''

@description('Comma-separated Entra object ids of the bot admins (may register channels and manage the catalog from Teams).')
param adminIds string = ''

@description('Log level of the app.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Optional: object id of a person or group who loads the catalog with `npm run catalog` (granted Storage Table Data Contributor). Empty: nobody.')
param operatorPrincipalId string = ''

@description('Kind of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Tags on every resource.')
param tags object = {}

var suffix = uniqueString(resourceGroup().id, baseName)
var names = {
  identity: 'id-${baseName}'
  storage: take('st${replace(toLower(baseName), '-', '')}${suffix}', 24)
  workspace: 'log-${baseName}-${suffix}'
  appInsights: 'appi-${baseName}-${suffix}'
  plan: 'asp-${baseName}-${suffix}'
  webApp: 'app-${baseName}-${suffix}'
  bot: 'bot-${baseName}-${suffix}'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSku
    appPrincipalId: identity.properties.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: tags
    retentionInDays: logRetentionDays
  }
}

// The environment of the app. Every variable the code requires (ENV_SPEC in src/config/env-spec.ts,
// optional: false) is set here; test/unit/infra/config-consistency.test.ts keeps the two in step.
// No storage key or connection string: the app reaches Table Storage with the managed identity.
var appSettings = [
  {
    name: 'NODE_ENV'
    value: 'production'
  }
  {
    name: 'BOT_ID'
    value: identity.properties.clientId
  }
  {
    name: 'BOT_TYPE'
    value: 'UserAssignedMSI'
  }
  {
    name: 'BOT_TENANT_ID'
    value: tenant().tenantId
  }
  {
    name: 'AZURE_CLIENT_ID'
    value: identity.properties.clientId
  }
  {
    name: 'STORAGE_ACCOUNT_URL'
    value: storage.outputs.tableEndpoint
  }
  {
    name: 'ALLOWED_TENANTS'
    value: empty(allowedTenants) ? tenant().tenantId : allowedTenants
  }
  {
    name: 'ADMIN_IDS'
    value: adminIds
  }
  {
    name: 'LOG_LEVEL'
    value: logLevel
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: monitoring.outputs.appInsightsConnectionString
  }
  {
    // the package deployed is already built (dist/ and production node_modules): no Oryx build
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'false'
  }
]

module webApp 'modules/webapp.bicep' = {
  name: 'webApp'
  params: {
    name: names.webApp
    planName: names.plan
    location: location
    tags: tags
    skuName: appServicePlanSku
    capacity: appServicePlanCapacity
    linuxFxVersion: linuxFxVersion
    identityId: identity.id
    appSettings: appSettings
    workspaceId: monitoring.outputs.workspaceId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    displayName: botDisplayName
    tags: tags
    skuName: botSku
    endpoint: 'https://${webApp.outputs.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
  }
}

@description('Host name of the web app: BOT_DOMAIN for `npm run package`.')
output webAppHostName string = webApp.outputs.defaultHostName

@description('Name of the web app, for `az webapp deploy`.')
output webAppName string = webApp.outputs.name

@description('The bot\'s Microsoft App ID (the managed identity\'s client id): BOT_ID for `npm run package`.')
output botId string = identity.properties.clientId

@description('Object id of the bot\'s managed identity: grant it Microsoft Graph User.Read.All with the az rest command in infra/README.md (Bicep cannot grant Graph app roles to it in every setup).')
output botIdentityPrincipalId string = identity.properties.principalId

@description('Name of the Azure Bot resource.')
output botName string = bot.outputs.name

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Table endpoint: STORAGE_ACCOUNT_URL for `npm run catalog`.')
output storageAccountUrl string = storage.outputs.tableEndpoint

// For the Microsoft 365 Agents Toolkit (m365agents.yml): arm/deploy writes every output into
// env/.env.<environment> under its name in capitals, so these three are named as the toolkit's
// actions and the manifest template read them. test/unit/infra/toolkit-files.test.ts checks that
// every output the toolkit files use is declared here.

@description('Resource id of the web app: where `azureAppService/zipDeploy` deploys the code.')
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.id

@description('The bot\'s Microsoft App ID: BOT_ID in the manifest template.')
output BOT_ID string = identity.properties.clientId

@description('Host name of the web app: BOT_DOMAIN in the manifest template.')
output BOT_DOMAIN string = webApp.outputs.defaultHostName
