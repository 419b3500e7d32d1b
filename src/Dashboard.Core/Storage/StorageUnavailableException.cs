namespace Dashboard.Core.Storage;

/// <summary>
/// The storage refused work that nothing was committed of, for a reason outside the request (a full disk, an unwritable
/// file, a database removed while running). Callers answer "try again later" (HTTP 503 with Retry-After); a retry with
/// the same event ids is safe.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
