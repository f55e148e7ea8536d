namespace QuantFunctions.Lake.Azure;

/// <summary>How a <see cref="StorageConnection"/> authenticates to the storage account.</summary>
public enum StorageAuthentication
{
    /// <summary>A connection string (account key, SAS or <c>UseDevelopmentStorage=true</c>) in the setting <c>{name}</c>.</summary>
    ConnectionString = 0,

    /// <summary>Microsoft Entra ID through <c>ManagedIdentityCredential</c> (<c>{name}__credential=managedidentity</c>).</summary>
    ManagedIdentity = 1,

    /// <summary>Microsoft Entra ID through <c>DefaultAzureCredential</c> (an identity-based connection without <c>{name}__credential</c>).</summary>
    DefaultAzureCredential = 2,

    /// <summary>Microsoft Entra ID through a <c>TokenCredential</c> the caller supplied (tests, custom hosts).</summary>
    InjectedCredential = 3,
}
