// QuantFunctions on Azure: a storage account (the lake container, the work queues, the deployment
// container), a Flex Consumption Linux Function App running the Host as a custom handler, its
// managed identity with blob and queue data roles, and the app settings the Host reads.
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p appName=<name>
// (see docs/azure.md).

@description('Base name of the app; the storage account and plan names derive from it.')
@minLength(3)
@maxLength(18)
param appName string

@description('Azure region.')
param location string = resourceGroup().location

@description('Blob container that holds the lake.')
param lakeContainerName string = 'lake'

@description('Queue that carries stage work items (node executions).')
param workQueueName string = 'qf-nodes'

@description('NCRONTAB (6 fields) schedule of the DataOps timer.')
param dataOpsSchedule string = '0 30 22 * * *'

@description('Maximum number of Function App instances the platform may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance (MB).')
@allowed([ 2048, 4096 ])
param instanceMemoryMB int = 2048

@description('Nodes run at once inside one worker instance.')
@minValue(1)
param maxParallelism int = 2

var storageName = toLower(take('${replace(appName, '-', '')}${uniqueString(resourceGroup().id)}', 24))
var deploymentContainerName = 'app-package'
var blobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var queueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageAccountContributorRoleId = '17d1049b-9a84-46fb-8f53-869881c3d3ab'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // The Host's Blob/Queue REST client signs with SharedKey when a connection string is configured;
    // with managed identity only, this can be set to false.
    allowSharedKeyAccess: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource lakeContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: lakeContainerName
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource workQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: workQueueName
}

resource poisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: '${workQueueName}-poison'
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The Host is published self-contained for linux-x64 and started by host.json's customHandler
      // section; the 'custom' runtime entry runs it without a language worker.
      runtime: { name: 'custom', version: '1.0' }
    }
    siteConfig: {
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'QF_LAKE', value: 'blob' }
        { name: 'QF_STORAGE_ACCOUNT', value: storage.name }
        { name: 'QF_STORAGE_CONNECTION', value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}' }
        { name: 'QF_LAKE_CONTAINER', value: lakeContainerName }
        // HTTP and timer starts enqueue the run's nodes; the ExecuteNode queue trigger runs them on every instance.
        { name: 'QF_RUNNER', value: 'queue' }
        { name: 'QF_WORK_QUEUE', value: workQueueName }
        { name: 'QF_MAX_PARALLELISM', value: string(maxParallelism) }
        { name: 'QF_DATAOPS_SCHEDULE', value: dataOpsSchedule }
        { name: 'QF_HOST_MODE', value: 'azure' }
      ]
    }
  }
}

resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, app.id, blobDataOwnerRoleId)
  scope: storage
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataOwnerRoleId)
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, app.id, queueDataContributorRoleId)
  scope: storage
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueDataContributorRoleId)
  }
}

resource accountRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, app.id, storageAccountContributorRoleId)
  scope: storage
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageAccountContributorRoleId)
  }
}

output functionAppName string = app.name
output storageAccountName string = storage.name
output lakeContainer string = lakeContainer.name
output workQueue string = workQueue.name
output poisonQueue string = poisonQueue.name
