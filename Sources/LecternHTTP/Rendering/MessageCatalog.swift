/// Translations of fixed error messages for `lang=` (English is the default and the fallback).
enum MessageCatalog {
    /// The message for `code` in `language`, or `english` when there is no translation.
    static func message(code: String, english: String, language: Substring?) -> String {
        guard let language = language?.prefix(2).lowercased(), language != "en" else { return english }
        return translations[code]?[language] ?? english
    }

    private static let translations: [String: [String: String]] = [
        "GENERAL_ERROR": [
            "de": "Ein Gateway-Fehler ist aufgetreten – Fügen Sie einen gültigen apikey als Parameter oder Header hinzu.",
            "fr": "Une erreur de passerelle s'est produite – Ajoutez une apikey appropriée en paramètre ou en en-tête.",
        ],
        "UNAUTHORIZED": [
            "de": "API-Schlüssel nicht definiert oder nicht für diese API konfiguriert.",
            "fr": "Clé API non définie ou non configurée pour autoriser cette API.",
        ],
        "PER_SECOND_THRESHOLD": [
            "de": "Es wurden mehr HTTP-Anfragen pro Sekunde gesendet als erlaubt",
            "fr": "Les requêtes HTTP dépassent le nombre autorisé par seconde",
        ],
        "DAILY_THRESHOLD": [
            "de": "Das tägliche API-Anfragelimit wurde erreicht.",
            "fr": "Le seuil quotidien de requêtes API a été atteint.",
        ],
        "REQUEST_TOO_LARGE": [
            "de": "Vom Gateway wegen Überschreitung der Nachrichtengröße abgelehnt.",
            "fr": "Rejeté par la passerelle en raison de la taille du message.",
        ],
    ]
}
