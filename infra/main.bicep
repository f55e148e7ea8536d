// QuantFunctions on Azure: a .NET isolated-worker Durable Functions app on Flex Consumption.
//   - storage account (identity only, no shared keys): Functions runtime + Durable task hub
//     (queues, tables, blobs), the lake container and the deployment package container
//   - Flex Consumption plan (FC1) + Linux Function App, runtime dotnet-isolated 10.0
//   - system-assigned identity with blob, queue and table data roles on the account
//   - Log Analytics workspace + workspace-based Application Insights
// No account key, listKeys() or SAS anywhere: every connection is identity-based.
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p namePrefix=<prefix>

@description('Prefix of every resource name (lowercase letters, digits, hyphens).')
@minLength(3)
@maxLength(18)
param namePrefix string

@description('Azure region.')
param location string = resourceGroup().location

@description('Maximum number of instances the platform may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance (MB); CPU is allocated in proportion.')
@allowed([ 512, 2048, 4096 ])
param instanceMemoryMB int = 2048

@description('Optional extra app settings (name -> string value), e.g. QF_DATAOPS_SCHEDULE, QF_MANIFESTS_ROOT, QF_MAX_REQUEST_BYTES, OTEL_EXPORTER_OTLP_ENDPOINT. A name also set below (e.g. QF_DATAOPS_TIMER) overrides the default.')
param extraAppSettings object = {}

var suffix = uniqueString(resourceGroup().id, namePrefix)
var appName = '${namePrefix}-${suffix}'
var planName = '${namePrefix}-plan-${suffix}'
var storageName = toLower(take('${replace(namePrefix, '-', '')}${suffix}', 24))
var deploymentContainerName = 'app-package'
var lakeContainerName = 'lake'

// Built-in role definitions (Durable's Azure Storage provider uses blobs, queues and tables).
var storageRoles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'        // Storage Blob Data Owner
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
}

// ---------------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false          // Entra ID (managed identity) only
    defaultToOAuthAuthentication: true   // portal and tools use Entra ID too
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Flex Consumption pulls the app package from here (with the app's identity).
resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
}

// The QuantFunctions blob lake (QF_LAKE=blob, QF_LAKE_CONTAINER).
resource lakeContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: lakeContainerName
}

// ---------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

// ---------------------------------------------------------------------------------------------
// Function App (Flex Consumption)
// ---------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true } // Linux
}

// App settings the app reads. Flex Consumption takes the runtime from functionAppConfig, so
// FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION must not be set here.
var appSettings = union({
  // Functions runtime + Durable task hub (host.json storageProvider.connectionName), identity-based.
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__credential: 'managedidentity'
  // The lake: connection QF_STORAGE_CONNECTION, identity-based.
  QF_LAKE: 'blob'
  QF_LAKE_CONTAINER: lakeContainer.name
  QF_STORAGE_CONNECTION__accountName: storage.name
  QF_STORAGE_CONNECTION__credential: 'managedidentity'
  // DataOps: the timer that checks which data pipelines are due, and the pipelines it considers.
  QF_DATAOPS_TIMER: '0 * * * * *'
  QF_PAPER_TIMER: '0 30 0 * * *'
  QF_DATAOPS_PIPELINES: 'dataops'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
}, extraAppSettings)

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
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: map(items(appSettings), setting => {
        name: setting.key
        value: string(setting.value)
      })
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Data-plane roles for the app's identity on the storage account
// ---------------------------------------------------------------------------------------------

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in items(storageRoles): {
  name: guid(storage.id, app.id, role.value)
  scope: storage
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
  }
}]

output functionAppName string = app.name
output defaultHostName string = app.properties.defaultHostName
output principalId string = app.identity.principalId
