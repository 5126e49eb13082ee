// Azure Bot registration authenticated by a user-assigned managed identity, with the Teams channel.

@description('Bot handle: globally unique.')
param name string

param displayName string = 'Support Intake'

param tags object = {}

@allowed([
  'F0'
  'S1'
])
param skuName string = 'F0'

@description('Messaging endpoint: https://HOST/api/messages')
param endpoint string

@description('Client id of the managed identity: the bot\'s Microsoft App ID.')
param msaAppId string

@description('Resource id of the managed identity.')
param msaAppMSIResourceId string

@description('Tenant of the managed identity.')
param msaAppTenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: msaAppId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: msaAppMSIResourceId
    msaAppTenantId: msaAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output name string = bot.name
