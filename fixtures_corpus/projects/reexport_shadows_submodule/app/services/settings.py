class Settings:
    def get(self, key: str) -> str:
        return key.upper()


settings = Settings()
